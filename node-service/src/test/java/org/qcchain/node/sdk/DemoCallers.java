package org.qcchain.node.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import org.qcchain.common.error.ErrorCode;
import org.qcchain.node.demo.DemoCatalogue;
import org.qcchain.node.demo.DemoOrganisation;
import org.qcchain.node.demo.DemoPki;
import org.qcchain.node.demo.DemoPlatform;
import org.qcchain.node.demo.DemoService;
import org.qcchain.sdk.DataRequest;
import org.qcchain.sdk.QcchainApiException;
import org.qcchain.sdk.QcchainClient;

/** The demo's organisations as SDK clients of one running node, and the requests they make. */
final class DemoCallers {

    private static final DemoService LOAN = DemoService.all().get(0);

    private final Path folder;
    private final DemoPlatform demo;
    private final int port;

    DemoCallers(Path folder, DemoPlatform demo, int port) {
        this.folder = folder;
        this.demo = demo;
        this.port = port;
    }

    /** A client signing as {@code mspId}, trusting the anchors the demo published. */
    QcchainClient client(String mspId) throws IOException {
        return QcchainClient.builder().endpoint(endpoint())
                .identity(mspId, DemoPki.readClient(folder, mspId).identity())
                .trustAnchors(PublishedTrustAnchors.of(folder)).build();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** The service's whole consented request for a citizen. */
    DataRequest.Builder request(DemoService service, int citizen) {
        DataRequest.Builder request = DataRequest.builder().consumer(service.consumerMspId())
                .subject(demo.subject(citizen)).consent(service.consentId(citizen)).purpose(service.purpose());
        service.items().forEach(item -> request.item(item.datasetId(), item.fields().toArray(String[]::new)));
        return request;
    }

    /** Asks for a field the citizen's loan consent does not cover; returns the recorded denial's access id. */
    String deniedAccess(QcchainClient bank, int citizen) {
        DataRequest.Builder request = DataRequest.builder().consumer(DemoOrganisation.BANK)
                .subject(demo.subject(citizen)).consent(LOAN.consentId(citizen)).purpose(LOAN.purpose())
                .item(DemoCatalogue.SOCIAL_INSURANCE, "employer", "baseSalary");
        QcchainApiException refused = catchThrowableOfType(QcchainApiException.class, () -> bank.requestData(
                request.build().sign(DemoPki.readClient(folder, DemoOrganisation.BANK).identity())));
        assertThat(refused.getErrorCode()).isEqualTo(ErrorCode.FIELD_NOT_COVERED);
        return refused.accessId().orElseThrow();
    }
}

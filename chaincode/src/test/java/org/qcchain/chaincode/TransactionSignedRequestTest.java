package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.qcchain.chaincode.Scenario.CONSENT;
import static org.qcchain.chaincode.Scenario.request;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.AccessRecord;
import org.qcchain.chaincode.model.AccessRequest;
import org.qcchain.chaincode.model.Decision;
import org.qcchain.chaincode.model.SignedAccessRequest;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.error.ErrorCode;

/**
 * A consumer submitting its own request may leave the request's signature empty: the transaction's
 * creator signature covers it. Only then; a request carried by anyone else, or naming another
 * certificate, must be signed itself, and is denied and recorded otherwise.
 */
class TransactionSignedRequestTest {

    private static SignedAccessRequest unsigned(AccessRequest request, String certificatePem) {
        return new SignedAccessRequest(request, certificatePem, "");
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void the_consumers_own_transaction_signs_a_request_naming_its_certificate(CryptoSuite suite) {
        Scenario scenario = Scenario.ready(TestNetwork.started(suite));
        AccessRequest request = scenario.stamped(request(CONSENT, List.of("employer")));

        AccessRecord record = scenario.submitRequest(scenario.net.bank,
                unsigned(request, scenario.net.bank.client.certificatePem())).assertCommitted().as(AccessRecord.class);

        assertThat(record.decision()).isEqualTo(Decision.GRANTED);
        assertThat(record.usesRemaining()).isEqualTo(9L);
    }

    @Test
    void a_request_carried_by_the_operators_node_must_be_signed_itself() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        AccessRequest request = scenario.stamped(request(CONSENT, List.of("employer")));

        AccessRecord record = scenario.submitRequest(scenario.net.bureau,
                unsigned(request, scenario.net.bank.client.certificatePem())).assertCommitted().as(AccessRecord.class);

        assertThat(record.decision()).isEqualTo(Decision.DENIED);
        assertThat(record.reasonCode()).isEqualTo(ErrorCode.BAD_SIGNATURE.code());
    }

    @Test
    void an_unsigned_request_naming_another_certificate_of_the_consumer_is_denied() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        AccessRequest request = scenario.stamped(request(CONSENT, List.of("employer")));
        String otherCertificate = scenario.net.bank.issue("teller").certificatePem();

        AccessRecord record = scenario.submitRequest(scenario.net.bank, unsigned(request, otherCertificate))
                .assertCommitted().as(AccessRecord.class);

        assertThat(record.decision()).isEqualTo(Decision.DENIED);
        assertThat(record.reasonCode()).isEqualTo(ErrorCode.BAD_SIGNATURE.code());
    }

    @Test
    void a_signature_that_is_present_is_still_checked_when_the_consumer_submits() {
        Scenario scenario = Scenario.ready(TestNetwork.started(CryptoSuite.P256_SHA256));
        AccessRequest request = scenario.stamped(request(CONSENT, List.of("employer")));
        SignedAccessRequest signed = Scenario.sign(request, scenario.net.bank.client);
        AccessRequest other = scenario.stamped(request(CONSENT, List.of("employer", "monthsPaid")));

        AccessRecord record = scenario.submitRequest(scenario.net.bank,
                new SignedAccessRequest(other, signed.certificate(), signed.signature()))
                .assertCommitted().as(AccessRecord.class);

        assertThat(record.decision()).isEqualTo(Decision.DENIED);
        assertThat(record.reasonCode()).isEqualTo(ErrorCode.BAD_SIGNATURE.code());
    }
}

package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Pem;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** Trust anchors come from code or from a folder of PEMs, and refuse what cannot be an anchor. */
class TrustAnchorsTest {

    @Test
    void a_folder_of_pems_gives_organisation_and_node_cas(@TempDir Path folder) throws Exception {
        SyntheticNetwork network = Fixtures.network(CryptoSuite.SM2_SM3);
        Files.createDirectories(folder.resolve("msp/SocialInsuranceMSP"));
        Files.createDirectories(folder.resolve("node"));
        Files.writeString(folder.resolve("msp/SocialInsuranceMSP/ca.pem"), network.caPems().get("SocialInsuranceMSP"));
        Files.writeString(folder.resolve("node/platform.pem"), Pem.toPem(network.platformCa().certificate()));

        TrustAnchors anchors = TrustAnchors.fromFolder(folder);

        assertThat(anchors.organisations()).containsExactly("SocialInsuranceMSP");
        assertThat(anchors.nodeCas()).hasSize(1);
        assertThat(anchors.organisationCas("BankMSP")).isEmpty();
    }

    @Test
    void an_end_entity_certificate_or_no_node_ca_is_refused() {
        SyntheticNetwork network = Fixtures.network(CryptoSuite.P256_SHA256);
        assertThatThrownBy(() -> TrustAnchors.builder().nodeCa(network.node().certificatePem()))
                .hasMessageContaining("not a CA");
        assertThatThrownBy(() -> TrustAnchors.builder().organisation("BankMSP", network.caPems().get("BankMSP")).build())
                .hasMessageContaining("node CA");
        assertThatThrownBy(() -> TrustAnchors.builder().organisation("bad msp", "x")).hasMessageContaining("MSP id");
    }
}

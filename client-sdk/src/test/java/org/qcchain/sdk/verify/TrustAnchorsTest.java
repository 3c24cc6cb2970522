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

    @Test
    void a_folder_with_fabric_json_trusts_that_channel(@TempDir Path folder) throws Exception {
        SyntheticNetwork network = Fixtures.network(CryptoSuite.P256_SHA256);
        Fixtures.fabric();
        for (String msp : new String[] {"BureauMSP", "SocialInsuranceMSP"}) {
            Files.createDirectories(folder.resolve("msp/" + msp));
            Files.writeString(folder.resolve("msp/" + msp + "/ca.pem"), network.caPems().get(msp));
        }
        Files.createDirectories(folder.resolve("node"));
        Files.writeString(folder.resolve("node/platform.pem"), Pem.toPem(network.platformCa().certificate()));
        Files.writeString(folder.resolve("fabric.json"), "{\"channel\": \"datashare\", \"ordererOrganisations\":"
                + " [\"BureauMSP\"], \"endorsingOrganisations\": [\"BureauMSP\", \"SocialInsuranceMSP\"],"
                + " \"minimumEndorsements\": 2}");

        FabricTrust channel = TrustAnchors.fromFolder(folder).fabric().orElseThrow();

        assertThat(channel.channel()).isEqualTo("datashare");
        assertThat(channel.chaincode()).isEqualTo(FabricTrust.DEFAULT_CHAINCODE);
        assertThat(channel.ordererOrganisations()).containsExactly("BureauMSP");
        assertThat(channel.endorsingOrganisations()).containsExactly("BureauMSP", "SocialInsuranceMSP");
        assertThat(channel.minimumEndorsements()).isEqualTo(2);
        assertThat(channel.endorserRole()).isEqualTo("peer");
    }

    @Test
    void a_fabric_json_with_an_unknown_member_is_refused(@TempDir Path folder) throws Exception {
        SyntheticNetwork network = Fixtures.network(CryptoSuite.P256_SHA256);
        Files.createDirectories(folder.resolve("node"));
        Files.writeString(folder.resolve("node/platform.pem"), Pem.toPem(network.platformCa().certificate()));
        Files.writeString(folder.resolve("fabric.json"), "{\"channel\": \"datashare\", \"orderers\": []}");

        assertThatThrownBy(() -> TrustAnchors.fromFolder(folder)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("fabric.json");
    }

    @Test
    void without_fabric_trust_there_is_none() {
        assertThat(Fixtures.network(CryptoSuite.P256_SHA256).trustAnchors().fabric()).isEmpty();
    }

    @Test
    void a_fabric_channel_is_refused_when_it_cannot_be_met() {
        SyntheticNetwork network = Fixtures.network(CryptoSuite.P256_SHA256);
        FabricTrust unknownOrderer = FabricTrust.builder().channel("datashare").ordererOrganisations("NoSuchMSP")
                .endorsingOrganisations("BankMSP").build();

        assertThatThrownBy(() -> TrustAnchors.builder().nodeCa(Pem.toPem(network.platformCa().certificate()))
                .organisation("BankMSP", network.caPems().get("BankMSP")).fabric(unknownOrderer).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("NoSuchMSP");
        assertThatThrownBy(() -> FabricTrust.builder().channel("datashare").ordererOrganisations("BureauMSP")
                .endorsingOrganisations("BankMSP").minimumEndorsements(2).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> FabricTrust.builder().channel("Not A Channel")).hasMessageContaining("channel");
        assertThatThrownBy(() -> FabricTrust.builder().minimumEndorsements(0)).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> FabricTrust.builder().ordererOrganisations()).hasMessageContaining("at least one");
        assertThatThrownBy(() -> FabricTrust.builder().channel("datashare").build()).isInstanceOf(
                IllegalStateException.class);
    }
}

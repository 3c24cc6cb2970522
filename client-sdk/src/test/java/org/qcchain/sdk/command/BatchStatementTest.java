package org.qcchain.sdk.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.crypto.Pem;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** A provider signs the statements a node cut for it, here or in an HSM, and a node's bad bytes fail early. */
class BatchStatementTest {

    private static ObjectNode item(CryptoSuite suite) {
        ObjectNode statement = Json.mapper().createObjectNode().put("datasetId", "vehicle.registration")
                .put("batchId", "batch-000003").put("merkleRoot", "ab".repeat(32)).put("recordCount", 12)
                .put("hashSuite", suite.name());
        ObjectNode item = Json.mapper().createObjectNode().put("batchId", "batch-000003").put("records", 12)
                .put("merkleRoot", "ab".repeat(32)).put("status", "AWAITING_SIGNATURE");
        item.set("statement", statement);
        return item.put("bytesToSign", Base64.getEncoder().encodeToString(Json.canonicalBytes(statement)));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void the_provider_signs_the_statement_s_canonical_json(CryptoSuite suite) throws Exception {
        Identity provider = SyntheticNetwork.create(suite).member("VehicleAdminMSP", "anchor-signer");
        ObjectNode item = item(suite);

        BatchStatement batch = BatchStatement.fromJson(item);
        ObjectNode body = batch.sign(provider).toJson();

        assertThat(batch.bytesToSign()).isEqualTo(Json.canonicalBytes(item.path("statement")));
        assertThat(batch.digest()).isEqualTo(suite.hash(batch.bytesToSign()));
        assertThat(batch.batchId()).isEqualTo("batch-000003");
        assertThat(batch.recordCount()).isEqualTo(12);
        assertThat(body.path("certificate").asText()).isEqualTo(provider.certificatePem());
        suite.verify(Pem.parseCertificate(body.path("certificate").asText()).getPublicKey(), batch.bytesToSign(),
                Base64.getDecoder().decode(body.path("signature").asText()));
    }

    @Test
    void bytes_to_sign_other_than_the_statement_s_are_refused() {
        ObjectNode item = item(CryptoSuite.P256_SHA256);
        item.put("bytesToSign", Base64.getEncoder().encodeToString("{\"merkleRoot\":\"00\"}".getBytes()));

        assertThatThrownBy(() -> BatchStatement.fromJson(item)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("canonical JSON");
    }

    @Test
    void an_incomplete_statement_is_refused() {
        ObjectNode item = item(CryptoSuite.P256_SHA256);
        ((ObjectNode) item.path("statement")).remove("merkleRoot");
        item.remove("bytesToSign");

        assertThatThrownBy(() -> BatchStatement.fromJson(item)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("merkleRoot");
    }

    @Test
    void a_signature_made_elsewhere_must_be_the_certificate_s_over_the_statement() {
        SyntheticNetwork network = SyntheticNetwork.create(CryptoSuite.P256_SHA256);
        Identity provider = network.member("VehicleAdminMSP", "anchor-signer");
        BatchStatement batch = BatchStatement.fromJson(item(CryptoSuite.P256_SHA256));

        assertThatThrownBy(() -> SignedBatchStatement.of(batch, provider.certificatePem(),
                provider.sign("other bytes".getBytes()))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SignedBatchStatement.of(batch, provider.certificatePem(), provider.sign(batch.bytesToSign()))
                .batch()).isSameAs(batch);
    }

    @Test
    void a_batch_that_retires_records_says_so_and_signs_it() {
        ObjectNode item = item(CryptoSuite.P256_SHA256);
        assertThat(BatchStatement.fromJson(item).retiring()).isFalse();
        ((ObjectNode) item.path("statement")).put("retiring", true);
        item.remove("bytesToSign");

        BatchStatement batch = BatchStatement.fromJson(item);

        assertThat(batch.retiring()).isTrue();
        assertThat(new String(batch.bytesToSign())).contains("\"retiring\":true");
        assertThat(batch.toString()).contains("retired");
        ((ObjectNode) item.path("statement")).put("retiring", false);
        assertThatThrownBy(() -> BatchStatement.fromJson(item)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retiring");
    }
}

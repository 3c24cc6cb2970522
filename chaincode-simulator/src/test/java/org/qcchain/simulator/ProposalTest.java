package org.qcchain.simulator;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.hyperledger.fabric.protos.msp.SerializedIdentity;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ProposalTest {

    @Nested
    class TransactionId {

        @Test
        void is_lowercase_hex_sha256_of_nonce_then_creator() throws Exception {
            byte[] nonce = Proposal.randomNonce();
            byte[] creator = TestIdentity.BANK.creator();
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(nonce);
            sha256.update(creator);

            assertThat(Proposal.transactionId(nonce, creator))
                    .isEqualTo(HexFormat.of().formatHex(sha256.digest()))
                    .matches("[0-9a-f]{64}");
        }

        @Test
        void concatenates_without_separator() {
            // SHA-256("abc"), the FIPS 180-2 test vector
            assertThat(Proposal.transactionId("ab".getBytes(UTF_8), "c".getBytes(UTF_8)))
                    .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        }

        @Test
        void is_derived_by_the_builder_from_the_nonce() {
            byte[] nonce = Proposal.randomNonce();
            Proposal proposal = Fixtures.proposalBuilder("get", "k").nonce(nonce).build();

            assertThat(proposal.txId())
                    .isEqualTo(Proposal.transactionId(nonce, TestIdentity.BANK.creator()));
        }

        @Test
        void must_agree_with_the_nonce_when_both_are_given() {
            assertThatThrownBy(() -> Fixtures.proposalBuilder("get", "k").txId("abc").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("SHA-256(nonce || creator)");
        }

        @Test
        void nonces_are_24_random_bytes() {
            assertThat(Proposal.randomNonce()).hasSize(24).isNotEqualTo(Proposal.randomNonce());
        }
    }

    @Nested
    class Validation {

        @Test
        void requires_the_function_name() {
            assertThatThrownBy(() -> Fixtures.proposalBuilder("f").args(List.of()).build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("function name");
        }

        @Test
        void rejects_a_blank_channel() {
            assertThatThrownBy(() -> Fixtures.proposalBuilder("f").channelId(" ").build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("channelId");
        }

        @Test
        void rejects_an_empty_creator() {
            assertThatThrownBy(() -> Fixtures.proposalBuilder("f").txId("t").creator(new byte[0])
                    .build())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("creator");
        }

        @Test
        void requires_a_timestamp() {
            assertThatThrownBy(() -> Proposal.builder().channelId("c").chaincodeName("cc").txId("t")
                    .creator(TestIdentity.BANK.creator()).args("f").build())
                    .isInstanceOf(NullPointerException.class)
                    .hasMessageContaining("timestamp");
        }
    }

    @Test
    void copies_byte_arrays_in_and_out() {
        byte[] value = "secret".getBytes(UTF_8);
        Proposal proposal = Fixtures.proposalBuilder("f", "arg").putTransient("k", value).build();
        value[0] = 'X';
        proposal.transientData().get("k")[0] = 'Y';
        proposal.args().get(1)[0] = 'Z';

        assertThat(proposal.transientData().get("k")).isEqualTo("secret".getBytes(UTF_8));
        assertThat(proposal.args().get(1)).isEqualTo("arg".getBytes(UTF_8));
        assertThat(proposal.function()).isEqualTo("f");
    }

    @Test
    void serialized_identities_carry_msp_id_and_pem_certificate() throws Exception {
        SerializedIdentity identity = SerializedIdentity.parseFrom(TestIdentity.BANK.creator());

        assertThat(identity.getMspid()).isEqualTo("BankMSP");
        assertThat(identity.getIdBytes().toStringUtf8())
                .startsWith("-----BEGIN CERTIFICATE-----\n")
                .isEqualTo(Identities.pem(TestIdentity.BANK.certificate()));
    }

    @Test
    void serialized_identities_require_a_certificate() {
        assertThatThrownBy(() -> Identities.serializedIdentity("BankMSP", "not a certificate"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("X.509");
    }
}

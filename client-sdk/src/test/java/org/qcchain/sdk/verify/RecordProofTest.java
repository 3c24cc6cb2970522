package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.sdk.verify.Fixtures.SOCIAL;
import static org.qcchain.sdk.verify.Fixtures.build;
import static org.qcchain.sdk.verify.Fixtures.edit;
import static org.qcchain.sdk.verify.Fixtures.loan;
import static org.qcchain.sdk.verify.Fixtures.verifier;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.answer.RecordEvidence;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** {@code Verifier.verifyRecord}: one record kept from an answer, verified again on its own. */
class RecordProofTest {

    private static RecordEvidence socialRecord(SyntheticAnswer built) {
        return built.answer().items().get(0).records().get(0);
    }

    private static void assertFails(CryptoSuite suite, RecordEvidence record, String provider, String nodePem,
            VerificationFailure failure) {
        for (Verifier verifier : new Verifier[] {verifier(suite), Verifier.builder()
                .trustAnchors(Fixtures.network(suite).trustAnchors()).suite(suite).signatureCacheSize(0).build()}) {
            assertThatThrownBy(() -> verifier.verifyRecord(record, provider, nodePem))
                    .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure()).isEqualTo(failure))
                    .hasMessageStartingWith(failure.name() + ": ");
        }
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_record_of_a_verified_answer_verifies_alone_with_the_same_values(CryptoSuite suite) throws Exception {
        SyntheticAnswer built = build(suite, loan(), 81);
        Verifier verifier = verifier(suite);
        VerifiedRecord inAnswer = verifier.verify(built.answer(), built.requestHash()).records(SOCIAL).get(0);

        VerifiedRecord alone = verifier.verifyRecord(socialRecord(built), "SocialInsuranceMSP",
                built.answer().nodeCertificate());

        assertThat(alone).isEqualTo(inAnswer);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_record_with_a_changed_value_is_rejected(CryptoSuite suite) {
        SyntheticAnswer built = build(suite, loan(), 82);
        RecordEvidence changed = edit(built, t -> Fixtures.at(t, "/items/0/records/0/disclosure/openings/paidMonths")
                .put("value", 60)).items().get(0).records().get(0);
        assertFails(suite, changed, "SocialInsuranceMSP", built.answer().nodeCertificate(),
                VerificationFailure.FIELD_COMMITMENT_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_record_claimed_for_another_provider_is_rejected(CryptoSuite suite) {
        SyntheticAnswer built = build(suite, loan(), 83);
        assertFails(suite, socialRecord(built), "ProvidentFundMSP", built.answer().nodeCertificate(),
                VerificationFailure.ANCHOR_MISMATCH);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void a_record_with_a_node_certificate_of_an_untrusted_ca_is_rejected(CryptoSuite suite) {
        SyntheticAnswer built = build(suite, loan(), 84);
        assertFails(suite, socialRecord(built), "SocialInsuranceMSP",
                SyntheticNetwork.create(suite).node().certificatePem(),
                VerificationFailure.UNTRUSTED_SIGNER);
    }
}

package org.qcchain.sdk.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.qcchain.sdk.verify.Fixtures.at;
import static org.qcchain.sdk.verify.Fixtures.build;
import static org.qcchain.sdk.verify.Fixtures.edit;
import static org.qcchain.sdk.verify.Fixtures.loan;
import static org.qcchain.sdk.verify.Fixtures.verifier;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.sdk.examples.synthetic.SyntheticAnswer;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** A verifier that has seen the honest answer (warm caches) still rejects every forgery of it. */
class CachingTest {

    private static final String RECORD = "/items/0/records/0";

    private static void assertFailsTwice(Verifier warm, DataAnswer answer, byte[] requestHash,
            VerificationFailure failure) {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> warm.verify(answer, requestHash))
                    .isInstanceOfSatisfying(VerificationException.class, e -> assertThat(e.failure()).isEqualTo(failure))
                    .hasMessageStartingWith(failure.name() + ": ");
        }
    }

    private static Verifier warm(CryptoSuite suite, SyntheticAnswer built) throws VerificationException {
        Verifier verifier = verifier(suite);
        verifier.verify(built.answer(), built.requestHash());
        return verifier;
    }

    @Nested
    class A_warm_verifier {

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_changed_anchor_statement(CryptoSuite suite) throws Exception {
            SyntheticAnswer built = build(suite, loan(), 71);
            assertFailsTwice(warm(suite, built), edit(built, t -> at(t, RECORD + "/anchor/statement")
                    .put("recordCount", 64)), built.requestHash(), VerificationFailure.ANCHOR_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_forged_block_header(CryptoSuite suite) throws Exception {
            SyntheticAnswer built = build(suite, loan(), 72);
            assertFailsTwice(warm(suite, built), edit(built, t -> at(t, RECORD + "/anchorEvidence/blockHeader")
                    .put("timestamp", "2026-03-01T00:00:00Z")), built.requestHash(),
                    VerificationFailure.BLOCK_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_the_answer_changed_after_signing(CryptoSuite suite) throws Exception {
            SyntheticAnswer built = build(suite, loan(), 73);
            assertFailsTwice(warm(suite, built), edit(built, false, t -> t.put("issuedAt", "2026-03-02T09:00:02Z")),
                    built.requestHash(), VerificationFailure.ANSWER_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_a_node_certificate_of_an_untrusted_ca_every_time(CryptoSuite suite) throws Exception {
            SyntheticAnswer honest = build(suite, loan(), 74);
            SyntheticAnswer stranger = build(suite, loan().nodeIdentity(SyntheticNetwork.create(suite).node()), 74);
            assertFailsTwice(warm(suite, honest), stranger.answer(), stranger.requestHash(),
                    VerificationFailure.UNTRUSTED_SIGNER);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void rejects_an_anchor_signed_by_a_member_of_another_providers_ca_every_time(CryptoSuite suite)
                throws Exception {
            SyntheticAnswer honest = build(suite, loan(), 77);
            SyntheticAnswer foreign = build(suite, loan().anchorSigner(Fixtures.SOCIAL,
                    Fixtures.network(suite).member("ProvidentFundMSP", "anchor-signer")), 77);

            assertFailsTwice(warm(suite, honest), foreign.answer(), foreign.requestHash(),
                    VerificationFailure.ANCHOR_SIGNATURE_INVALID);
        }

        @ParameterizedTest
        @EnumSource(CryptoSuite.class)
        void checks_the_validity_of_a_known_node_certificate_at_each_answers_time(CryptoSuite suite)
                throws Exception {
            var shortLived = Fixtures.network(suite).node(Instant.parse("2026-03-01T10:00:00Z"), Duration.ofHours(2));
            SyntheticAnswer inTime = build(suite, loan().nodeIdentity(shortLived)
                    .issuedAt(Instant.parse("2026-03-01T11:00:00Z")), 75);
            SyntheticAnswer late = build(suite, loan().nodeIdentity(shortLived), 76);

            Verifier verifier = warm(suite, inTime);
            assertFailsTwice(verifier, late.answer(), late.requestHash(), VerificationFailure.CERTIFICATE_EXPIRED);
        }
    }
}

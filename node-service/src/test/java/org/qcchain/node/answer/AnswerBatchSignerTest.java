package org.qcchain.node.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.qcchain.common.answer.SignedBatch;
import org.qcchain.common.crypto.CertificateAuthority;
import org.qcchain.common.crypto.CertificateProfile;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.proof.BatchRoot;
import org.qcchain.common.proof.ProofVerifier;

class AnswerBatchSignerTest {
    private static final CryptoSuite SUITE = CryptoSuite.P256_SHA256;
    private static final Duration NEVER = Duration.ofHours(1);

    private final Identity node = CertificateAuthority.createRoot(SUITE, "CN=ca.bureau,O=BureauMSP,C=CN",
            Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(3650))
            .issueIdentity("CN=node.bureau,OU=peer,O=BureauMSP,C=CN", CertificateProfile.CLIENT,
                    Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(365));
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private static byte[] digest(int n) {
        return SUITE.hash(("answer " + n).getBytes(StandardCharsets.UTF_8));
    }

    /** The share verifies as a consumer checks it: the digest is in the signed root, the root is signed. */
    private void assertSigned(byte[] digest, AnswerBatchSigner.Signed share) throws Exception {
        SignedBatch batch = share.batch();
        ProofVerifier.forSuite(SUITE).verifyInclusion(digest, batch.inclusionProof(),
                new BatchRoot(SUITE, batch.batch().root(), batch.batch().size()));
        SUITE.verify(node.certificate().getPublicKey(), batch.batch().signingBytes(),
                Base64.getDecoder().decode(share.signature()));
    }

    @Test
    void answers_arriving_together_share_one_signature_per_full_batch() throws Exception {
        try (AnswerBatchSigner signer = new AnswerBatchSigner(node, NEVER, 10)) {
            List<CompletableFuture<AnswerBatchSigner.Signed>> shares = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                byte[] digest = digest(i);
                shares.add(CompletableFuture.supplyAsync(() -> signer.sign(digest), callers).thenCompose(f -> f));
            }
            for (int i = 0; i < 40; i++) {
                assertSigned(digest(i), shares.get(i).get(30, TimeUnit.SECONDS));
            }
            // the window never ends: only full batches were signed, four of ten
            assertThat(shares.stream().map(CompletableFuture::join).map(AnswerBatchSigner.Signed::signature)
                    .distinct()).hasSize(4);
            assertThat(shares.stream().map(CompletableFuture::join).map(s -> s.batch().batch().size()).distinct())
                    .containsExactly(10L);
        }
    }

    @Test
    void a_lone_answer_is_signed_when_its_window_ends() throws Exception {
        try (AnswerBatchSigner signer = new AnswerBatchSigner(node, Duration.ofMillis(5), 256)) {
            AnswerBatchSigner.Signed share = signer.sign(digest(1)).get(30, TimeUnit.SECONDS);

            assertSigned(digest(1), share);
            assertThat(share.batch().batch().size()).isEqualTo(1);
            assertThat(share.batch().inclusionProof().path()).isEmpty();
            // a later answer opens a batch of its own
            AnswerBatchSigner.Signed next = signer.sign(digest(2)).get(30, TimeUnit.SECONDS);
            assertSigned(digest(2), next);
            assertThat(next.batch().batch().root()).isNotEqualTo(share.batch().batch().root());
        }
    }

    @Test
    void closing_signs_the_open_batch_and_refuses_later_answers() throws Exception {
        AnswerBatchSigner signer = new AnswerBatchSigner(node, NEVER, 256);
        CompletableFuture<AnswerBatchSigner.Signed> first = signer.sign(digest(1));
        CompletableFuture<AnswerBatchSigner.Signed> second = signer.sign(digest(2));
        assertThat(first).isNotDone();

        signer.close();

        assertSigned(digest(1), first.get(30, TimeUnit.SECONDS));
        assertSigned(digest(2), second.get(30, TimeUnit.SECONDS));
        assertThat(second.join().batch().inclusionProof().leafIndex()).isEqualTo(1);
        assertThatThrownBy(() -> signer.sign(digest(3)).get()).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("stopping");
    }

    @Test
    void a_digest_of_the_wrong_length_is_refused_before_it_joins_a_batch() {
        try (AnswerBatchSigner signer = new AnswerBatchSigner(node, NEVER, 2)) {
            assertThatThrownBy(() -> signer.sign(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        }
    }
}

package org.qcchain.common.crypto;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A signature is skipped only when exactly the same one was verified before; failures are never kept. */
class VerifiedSignaturesTest {

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void aVerifiedSignatureIsRememberedUnderItsCertificateDataAndSignature(CryptoSuite suite) throws Exception {
        CertificateAuthority ca = Fixtures.root(suite);
        Identity alice = Fixtures.client(ca, "alice");
        Identity bob = Fixtures.client(ca, "bob");
        byte[] data = ("request " + suite).getBytes(UTF_8);
        byte[] signature = alice.sign(data);

        VerifiedSignatures.verify(suite, alice.certificate(), data, signature);

        assertThat(VerifiedSignatures.remembered(alice.certificate(), data, signature)).isTrue();
        assertThat(VerifiedSignatures.remembered(bob.certificate(), data, signature)).isFalse();
        assertThat(VerifiedSignatures.remembered(alice.certificate(), Arrays.copyOf(data, data.length + 1), signature))
                .isFalse();
        VerifiedSignatures.verify(suite, alice.certificate(), data, signature);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void aSignatureThatDoesNotVerifyFailsEveryTimeAndIsNotRemembered(CryptoSuite suite) throws Exception {
        CertificateAuthority ca = Fixtures.root(suite);
        Identity alice = Fixtures.client(ca, "alice");
        Identity mallory = Fixtures.client(ca, "mallory");
        byte[] data = ("pay " + suite).getBytes(UTF_8);
        byte[] signature = alice.sign(data);
        VerifiedSignatures.verify(suite, alice.certificate(), data, signature);
        byte[] otherData = ("pay more " + suite).getBytes(UTF_8);

        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> VerifiedSignatures.verify(suite, alice.certificate(), otherData, signature))
                    .isInstanceOf(InvalidSignatureException.class);
            assertThatThrownBy(() -> VerifiedSignatures.verify(suite, mallory.certificate(), data, signature))
                    .isInstanceOf(InvalidSignatureException.class);
        }
        assertThat(VerifiedSignatures.remembered(alice.certificate(), otherData, signature)).isFalse();
        assertThat(VerifiedSignatures.remembered(mallory.certificate(), data, signature)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void aChangedSignatureOfRememberedDataIsCheckedInFull(CryptoSuite suite) throws Exception {
        Identity alice = Fixtures.client(Fixtures.root(suite), "alice");
        byte[] data = ("consent " + suite).getBytes(UTF_8);
        byte[] signature = alice.sign(data);
        VerifiedSignatures.verify(suite, alice.certificate(), data, signature);
        byte[] changed = signature.clone();
        changed[changed.length - 1] ^= 1;

        assertThatThrownBy(() -> VerifiedSignatures.verify(suite, alice.certificate(), data, changed))
                .isInstanceOf(InvalidSignatureException.class);
    }
}

package org.qcchain.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The cache of issuer checks gives the answers of the check itself and stays within its bound. */
class IssuanceCacheTest {
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private static CertificateAuthority ca(CryptoSuite suite, String name) {
        return CertificateAuthority.createRoot(suite, "CN=ca." + name + ",O=" + name, START, Duration.ofDays(365));
    }

    private static Identity client(CertificateAuthority ca, String name) {
        return ca.issueIdentity("CN=" + name + ",OU=client", CertificateProfile.CLIENT, START, Duration.ofDays(30));
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void answers_as_the_check_would_both_the_first_time_and_from_memory(CryptoSuite suite) {
        CertificateAuthority bank = ca(suite, "Bank");
        CertificateAuthority other = ca(suite, "Other");
        Identity teller = client(bank, "teller");
        IssuanceCache cache = new IssuanceCache(16);

        for (int round = 0; round < 2; round++) {
            assertThat(cache.issuedBy(teller.certificate(), bank.certificate())).isTrue();
            assertThat(cache.issuedBy(teller.certificate(), other.certificate())).isFalse();
        }
        assertThat(cache.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void forgets_the_least_recently_used_pair_beyond_its_capacity(CryptoSuite suite) {
        CertificateAuthority bank = ca(suite, "Bank");
        Identity teller = client(bank, "teller");
        IssuanceCache cache = new IssuanceCache(2);

        for (int i = 0; i < 5; i++) {
            cache.issuedBy(teller.certificate(), ca(suite, "Org" + i).certificate());
        }

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.issuedBy(teller.certificate(), bank.certificate())).isTrue();
    }
}

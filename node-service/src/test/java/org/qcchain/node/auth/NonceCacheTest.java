package org.qcchain.node.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.qcchain.common.auth.RequestAuthenticationException;
import org.qcchain.common.error.ErrorCode;

@Timeout(10)
class NonceCacheTest {

    static final Instant NOW = Instant.parse("2025-05-01T08:00:00Z");
    static final Instant EXPIRY = NOW.plus(Duration.ofMinutes(5));

    @Test
    void refuses_a_nonce_used_before_by_the_same_organisation() throws Exception {
        NonceCache cache = new NonceCache(10);
        cache.use("BankMSP", "n-1", EXPIRY, NOW);

        assertThatThrownBy(() -> cache.use("BankMSP", "n-1", EXPIRY, NOW.plusSeconds(60)))
                .isInstanceOfSatisfying(RequestAuthenticationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REQUEST_REPLAYED));
    }

    @Test
    void scopes_nonces_by_organisation() throws Exception {
        NonceCache cache = new NonceCache(10);
        cache.use("BankMSP", "n-1", EXPIRY, NOW);

        assertThatCode(() -> cache.use("InsurerMSP", "n-1", EXPIRY, NOW)).doesNotThrowAnyException();
    }

    @Test
    void forgets_nonces_once_their_window_has_passed() throws Exception {
        NonceCache cache = new NonceCache(10);
        cache.use("BankMSP", "n-1", EXPIRY, NOW);
        cache.use("BankMSP", "n-2", EXPIRY, NOW);

        cache.use("BankMSP", "n-3", EXPIRY.plusSeconds(600), EXPIRY.plusSeconds(1));

        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void fails_closed_when_full_of_live_nonces() throws Exception {
        NonceCache cache = new NonceCache(2);
        cache.use("BankMSP", "n-1", EXPIRY, NOW);
        cache.use("BankMSP", "n-2", EXPIRY, NOW);

        assertThatThrownBy(() -> cache.use("BankMSP", "n-3", EXPIRY, NOW))
                .isInstanceOfSatisfying(RequestAuthenticationException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED));
        assertThatCode(() -> cache.use("BankMSP", "n-3", EXPIRY, EXPIRY.plusSeconds(1)))
                .doesNotThrowAnyException();
    }
}

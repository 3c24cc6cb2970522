package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.chaincode.model.Role;
import org.qcchain.common.crypto.CryptoSuite;

/** The cache of issuer checks gives the answers of the check itself and stays within its bound. */
class IssuerCacheTest {

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void answers_as_the_check_would_both_the_first_time_and_from_memory(CryptoSuite suite) {
        Member bank = new Member("BankMSP", suite, Role.CONSUMER);
        Member other = new Member("OtherMSP", suite, Role.CONSUMER);
        IssuerCache cache = new IssuerCache(16);

        for (int round = 0; round < 2; round++) {
            assertThat(cache.issuedBy(bank.client.certificate(), bank.ca.certificate())).isTrue();
            assertThat(cache.issuedBy(bank.client.certificate(), other.ca.certificate())).isFalse();
        }
        assertThat(cache.size()).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void forgets_the_least_recently_used_pair_beyond_its_capacity(CryptoSuite suite) {
        Member bank = new Member("BankMSP", suite, Role.CONSUMER);
        IssuerCache cache = new IssuerCache(2);

        for (int i = 0; i < 5; i++) {
            Member org = new Member("Org" + i + "MSP", suite, Role.CONSUMER);
            cache.issuedBy(bank.client.certificate(), org.ca.certificate());
        }

        assertThat(cache.size()).isEqualTo(2);
        assertThat(cache.issuedBy(bank.client.certificate(), bank.ca.certificate())).isTrue();
    }
}

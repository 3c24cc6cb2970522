package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The lookup key is part of the storage format: these are FNV-1a 64 test vectors ("", "a" and
 * "foobar" as published with the algorithm), and an id with characters outside ASCII.
 */
class TransactionKeysTest {

    @Test
    void is_fnv_1a_64_of_the_utf8_bytes() {
        assertThat(TransactionKeys.of("")).isEqualTo(0xcbf29ce484222325L);
        assertThat(TransactionKeys.of("a")).isEqualTo(0xaf63dc4c8601ec8cL);
        assertThat(TransactionKeys.of("foobar")).isEqualTo(0x85944171f73967e8L);
        assertThat(TransactionKeys.of("交易")).isEqualTo(0x80d78e24f8a65678L);
    }
}

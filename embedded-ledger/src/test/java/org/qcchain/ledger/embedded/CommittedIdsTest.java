package org.qcchain.ledger.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The transaction id filter never forgets an id (no false negatives), also past its first segment. */
class CommittedIdsTest {

    @Test
    void holds_every_id_added_and_rarely_claims_one_never_added() {
        CommittedIds ids = CommittedIds.empty();
        Random random = new Random(7);
        HexFormat hex = HexFormat.of();
        int added = 1_500_000; // more than the first segment of 2^20
        for (int i = 0; i < added; i++) {
            ids.add(id(random, hex));
        }
        random = new Random(7);
        for (int i = 0; i < added; i++) {
            assertThat(ids.mightContain(id(random, hex))).isTrue();
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            if (ids.mightContain(id(random, hex))) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).isLessThan(5_000);
        assertThat(ids.mightContain("")).isFalse();
        ids.add("");
        assertThat(ids.mightContain("")).isTrue();
    }

    private static String id(Random random, HexFormat hex) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return hex.formatHex(bytes);
    }
}

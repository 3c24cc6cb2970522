package org.qcchain.chaincode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Random;
import org.hyperledger.fabric.shim.ledger.CompositeKey;
import org.junit.jupiter.api.Test;
import org.qcchain.chaincode.model.Role;
import org.qcchain.chaincode.store.Keys;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.simulator.InMemoryStateStore;
import org.qcchain.simulator.Proposal;
import org.qcchain.simulator.SimulatedStub;

/**
 * {@link Keys#of} builds composite keys itself instead of through the shim: they must be the very
 * keys the shim makes, on Fabric and here, and what the shim refuses must still be refused.
 */
class CompositeKeysTest {

    private static final String[] ALPHABET = {"a", "Z", "0", "~", ".", "-", "|", " ", "社", "保", "😀",
        "\u0001", "\uFFFF", "\uDBFF\uDFFE"};

    private final SimulatedStub stub = stub();

    @Test
    void makes_the_shims_keys_for_every_plain_segment() {
        Random random = new Random(20261126L);
        for (int i = 0; i < 5_000; i++) {
            String type = segment(random, 1 + random.nextInt(12));
            String[] attributes = new String[random.nextInt(5)];
            for (int a = 0; a < attributes.length; a++) {
                attributes[a] = segment(random, random.nextInt(20));
            }

            assertThat(Keys.of(stub, type, attributes)).isEqualTo(new CompositeKey(type, attributes).toString());
        }
    }

    @Test
    void makes_the_keys_the_contract_uses() {
        assertThat(Keys.of(stub, Keys.CONSENT_USAGE, "c-1")).isEqualTo("\u0000qc.consent.usage\u0000c-1\u0000");
        assertThat(Keys.of(stub, Keys.PLATFORM)).isEqualTo("\u0000qc.platform\u0000");
        assertThat(Keys.of(stub, Keys.NONCE, "BankMSP", "")).isEqualTo("\u0000qc.nonce\u0000BankMSP\u0000\u0000");
    }

    @Test
    void leaves_the_refusal_of_a_bad_segment_to_the_shim() {
        String maxCodePoint = Character.toString(Character.MAX_CODE_POINT);
        for (String bad : new String[] {"a\u0000b", "\u0000", "x" + maxCodePoint, maxCodePoint + "y"}) {
            assertThatThrownBy(() -> Keys.of(stub, Keys.ACCESS, "ok", bad))
                    .isExactlyInstanceOf(refusalOfTheShim(bad).getClass())
                    .hasMessageContaining("For input string");
            assertThatThrownBy(() -> Keys.of(stub, bad, "ok")).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static Throwable refusalOfTheShim(String segment) {
        try {
            new CompositeKey(Keys.ACCESS, "ok", segment);
        } catch (IllegalArgumentException e) {
            return e;
        }
        throw new AssertionError("the shim accepted a segment it refuses");
    }

    private static String segment(Random random, int length) {
        StringBuilder segment = new StringBuilder();
        for (int i = 0; i < length; i++) {
            segment.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return segment.toString();
    }

    private static SimulatedStub stub() {
        Member bank = new Member("BankMSP", CryptoSuite.P256_SHA256, Role.CONSUMER);
        Proposal proposal = Proposal.builder().channelId("datashare").chaincodeName("qcchain")
                .nonce(new byte[] {1, 2, 3, 4, 5, 6, 7, 8}).creator(bank.creator)
                .timestamp(Instant.parse("2026-03-02T09:00:00Z")).args("Access:requestAccess").build();
        return new SimulatedStub(proposal, new InMemoryStateStore(), null);
    }
}

package org.qcchain.common.proof;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.qcchain.common.crypto.CryptoSuite;

/** Copies of disclosures and proofs with one part changed, as an attacker or a bug would. */
final class Tamper {

    private Tamper() {}

    static Disclosure openings(Disclosure d, Consumer<Map<String, Disclosure.Opening>> change) {
        Map<String, Disclosure.Opening> openings = new TreeMap<>(d.openings());
        change.accept(openings);
        return new Disclosure(d.format(), d.suite(), d.datasetId(), d.recordId(), d.version(), d.subject(),
                d.commitments(), openings, d.recordRoot());
    }

    static Disclosure commitments(Disclosure d, Consumer<Map<String, String>> change) {
        Map<String, String> commitments = new TreeMap<>(d.commitments());
        change.accept(commitments);
        return new Disclosure(d.format(), d.suite(), d.datasetId(), d.recordId(), d.version(), d.subject(),
                commitments, d.openings(), d.recordRoot());
    }

    static Disclosure value(Disclosure d, String field, JsonNode value) {
        return openings(d, o -> o.put(field, new Disclosure.Opening(o.get(field).salt(), value)));
    }

    static Disclosure salt(Disclosure d, String field, String salt) {
        return openings(d, o -> o.put(field, new Disclosure.Opening(salt, o.get(field).value())));
    }

    static Disclosure header(Disclosure d, String format, CryptoSuite suite, String datasetId, String recordId,
            long version, String subject, String recordRoot) {
        return new Disclosure(format, suite, datasetId, recordId, version, subject, d.commitments(),
                d.openings(), recordRoot);
    }

    static Disclosure recordRoot(Disclosure d, String recordRoot) {
        return header(d, d.format(), d.suite(), d.datasetId(), d.recordId(), d.version(), d.subject(), recordRoot);
    }

    static Disclosure version(Disclosure d, long version) {
        return header(d, d.format(), d.suite(), d.datasetId(), d.recordId(), version, d.subject(), d.recordRoot());
    }

    static Disclosure suite(Disclosure d, CryptoSuite suite) {
        return header(d, d.format(), suite, d.datasetId(), d.recordId(), d.version(), d.subject(), d.recordRoot());
    }

    static Disclosure format(Disclosure d, String format) {
        return header(d, format, d.suite(), d.datasetId(), d.recordId(), d.version(), d.subject(), d.recordRoot());
    }

    /** Recomputes commitments and root after a change, as a forger who knows the format would. */
    static Disclosure reseal(CryptoSuite suite, Disclosure d) {
        Map<String, String> commitments = new TreeMap<>(d.commitments());
        d.openings().forEach((field, opening) -> commitments.put(field, Fixtures.HEX.formatHex(
                Commitments.field(suite, field, Base64s.decodeStrict(opening.salt()),
                        Scalars.normalise(opening.value())))));
        byte[] root = Commitments.recordRoot(suite, Commitments.RecordHeader.of(d), new TreeMap<>(commitments));
        return new Disclosure(d.format(), d.suite(), d.datasetId(), d.recordId(), d.version(), d.subject(),
                commitments, d.openings(), Fixtures.HEX.formatHex(root));
    }

    static InclusionProof path(InclusionProof p, Consumer<List<String>> change) {
        List<String> path = new ArrayList<>(p.path());
        change.accept(path);
        return new InclusionProof(p.format(), p.suite(), p.leafIndex(), p.treeSize(), path);
    }

    static InclusionProof position(InclusionProof p, long leafIndex, long treeSize) {
        return new InclusionProof(p.format(), p.suite(), leafIndex, treeSize, p.path());
    }

    static InclusionProof suite(InclusionProof p, CryptoSuite suite) {
        return new InclusionProof(p.format(), suite, p.leafIndex(), p.treeSize(), p.path());
    }

    /** The hex string with its first character changed to another hex digit. */
    static String flip(String hex) {
        return (hex.charAt(0) == '0' ? "1" : "0") + hex.substring(1);
    }

    static CryptoSuite other(CryptoSuite suite) {
        return suite == CryptoSuite.P256_SHA256 ? CryptoSuite.SM2_SM3 : CryptoSuite.P256_SHA256;
    }
}

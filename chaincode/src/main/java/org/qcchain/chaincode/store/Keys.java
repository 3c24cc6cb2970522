package org.qcchain.chaincode.store;

import java.time.Instant;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Every key the contract writes. Records live under composite keys (namespaced by object type);
 * the time-ordered access-trail indexes are simple keys, because Fabric allows range queries with
 * bounds (needed for time filters) on simple keys only.
 */
public final class Keys {
    public static final String PLATFORM = "qc.platform";
    public static final String ORGANISATION = "qc.org";
    public static final String DATASET = "qc.dataset";
    public static final String ANCHOR = "qc.anchor";
    public static final String AGREEMENT = "qc.agreement";
    public static final String AGREEMENT_BY_CONSUMER = "qc.agreement.consumer";
    public static final String AGREEMENT_BY_PROVIDER = "qc.agreement.provider";
    /** Points from (consumer, dataset) to the one agreement in force for the pair. */
    public static final String AGREEMENT_IN_FORCE = "qc.agreement.inforce";
    public static final String CONSENT = "qc.consent";
    public static final String CONSENT_BY_SUBJECT = "qc.consent.subject";
    public static final String CONSENT_USAGE = "qc.consent.usage";
    public static final String NONCE = "qc.nonce";
    /** Nonces of organisations' relayed commands, apart from those of data requests. */
    public static final String COMMAND_NONCE = "qc.command.nonce";
    public static final String ACCESS = "qc.access";

    /** Prefix of the time-ordered access indexes: {@code access~<scope>~[<party>~]<millis>~<accessId>}. */
    static final String ACCESS_INDEX = "access~";
    /** Separator of simple index keys; ids never contain it. */
    static final char SEPARATOR = '~';
    /** Fixed width of epoch milliseconds in index keys, so that text order is time order. */
    private static final int MILLIS_WIDTH = 15;

    /** The shim's composite-key namespace and delimiter. */
    private static final char DELIMITER = '\u0000';
    /** U+10FFFF, which the shim refuses in a segment (it bounds partial-key ranges). */
    private static final String MAX_CODE_POINT = Character.toString(Character.MAX_CODE_POINT);

    /** Value of index entries: Fabric treats an empty value as a deletion. */
    static final byte[] INDEX_VALUE = {0};

    private Keys() {}

    /**
     * The composite key Fabric's shim makes of {@code type} and {@code attributes}
     * ({@code U+0000 type U+0000 (attribute U+0000)*}), built here directly: the shim compiles a
     * regular expression for every segment it checks, a measurable share of each transaction.
     * A segment the shim would refuse (one holding U+0000 or U+10FFFF) is handed to the shim, so
     * that it is refused exactly as before.
     */
    public static String of(ChaincodeStub stub, String type, String... attributes) {
        int length = type.length() + 2;
        boolean plain = plainSegment(type);
        for (String attribute : attributes) {
            plain &= plainSegment(attribute);
            length += attribute.length() + 1;
        }
        if (!plain) {
            return stub.createCompositeKey(type, attributes).toString();
        }
        StringBuilder key = new StringBuilder(length).append(DELIMITER).append(type).append(DELIMITER);
        for (String attribute : attributes) {
            key.append(attribute).append(DELIMITER);
        }
        return key.toString();
    }

    private static boolean plainSegment(String segment) {
        return segment.indexOf(DELIMITER) < 0 && !segment.contains(MAX_CODE_POINT);
    }

    /** An access-index key prefix for a scope and party, e.g. {@code access~c~BankA~}. */
    static String accessPrefix(String scope, String party) {
        return party == null
                ? ACCESS_INDEX + scope + SEPARATOR
                : ACCESS_INDEX + scope + SEPARATOR + party + SEPARATOR;
    }

    static String accessIndexKey(String prefix, Instant decidedAt, String accessId) {
        return prefix + millis(decidedAt) + SEPARATOR + accessId;
    }

    /** The lowest key of the prefix at or after {@code at}. */
    static String accessBound(String prefix, Instant at) {
        return prefix + millis(at);
    }

    /** A key just above every key of the prefix. */
    static String accessEnd(String prefix) {
        return prefix.substring(0, prefix.length() - 1) + (char) (SEPARATOR + 1);
    }

    static String accessIdOf(String indexKey) {
        return indexKey.substring(indexKey.lastIndexOf(SEPARATOR) + 1);
    }

    private static String millis(Instant at) {
        long value = Math.max(0, at.toEpochMilli());
        String digits = Long.toString(value);
        return "0".repeat(Math.max(0, MILLIS_WIDTH - digits.length())) + digits;
    }
}

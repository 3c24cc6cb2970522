package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;

/**
 * Writes an answer as sent, serialising the envelope — tens of kilobytes of evidence — once
 * instead of three times (the bytes to digest, the signed answer to hash, the JSON to send). The
 * node sends the canonical JSON of the signed answer (RFC 8785 text is plain JSON), so the bytes
 * sent are the bytes hashed into the delivery receipt.
 *
 * <p>The signed answer's canonical form is the unsigned one with {@code "signature"} and {@code
 * "signedBatch"} added among the top-level members; in key order they fall just before {@code
 * "suite"}, the last member, so they are spliced in there ({@link AnswerBytes}: the unsigned text
 * is not copied). Should the unsigned form ever not end with the suite member, the signed answer is
 * serialised in full instead.
 *
 * <p>For the same reason the two texts share all but their last bytes, and so do their hashes'
 * inputs: the digest of the unsigned answer (its leaf in the batch) and the hash of the signed one
 * (its delivery receipt) continue one hashing of the shared head instead of hashing tens of
 * kilobytes twice.
 */
final class SignedAnswers {

    private static final HexFormat HEX = HexFormat.of();

    private SignedAnswers() {}

    /**
     * Serialises an answer before it is signed.
     *
     * @param unsigned the answer without signature
     * @param tree its JSON tree ({@link AnswerTrees#answer}), which serialises canonically to the
     *     same bytes as the answer
     * @param suite the answer's suite
     * @return the answer, its canonical JSON and its digest
     */
    static Unsigned prepare(DataAnswer unsigned, JsonNode tree, CryptoSuite suite) {
        byte[] bytes = CanonicalJson.serializeUtf8(tree);
        byte[] suffix = suffix(unsigned.suite());
        MessageDigest head = endsWith(bytes, suffix) ? suite.newDigest() : null;
        MessageDigest whole = null;
        if (head != null) {
            head.update(bytes, 0, bytes.length - suffix.length);
            whole = copy(head);
        }
        if (whole == null) {
            return new Unsigned(unsigned, bytes, suite.hash(bytes), null);
        }
        whole.update(suffix);
        return new Unsigned(unsigned, bytes, whole.digest(), head);
    }

    /**
     * Adds the batch signature to a prepared answer.
     *
     * @param unsigned the prepared answer
     * @param signed its share of a batch signature
     * @param suite the answer's suite, for the hash
     * @return the signed answer, its canonical JSON and the hash of that JSON
     */
    static Signed assemble(Unsigned unsigned, AnswerBatchSigner.Signed signed, CryptoSuite suite) {
        DataAnswer answer = unsigned.answer().signedBy(signed.signature(), signed.batch());
        if (unsigned.head() == null) {
            byte[] bytes = Json.canonicalBytes(answer);
            return new Signed(answer, AnswerBytes.of(bytes), suite.hashHex(bytes));
        }
        byte[] suffix = suffix(answer.suite());
        byte[] members = (",\"signature\":" + CanonicalJson.serialize(TextNode.valueOf(signed.signature()))
                + ",\"signedBatch\":" + CanonicalJson.serialize(Json.mapper().valueToTree(signed.batch())))
                .getBytes(StandardCharsets.UTF_8);
        byte[] text = unsigned.bytes();
        MessageDigest hash = unsigned.head();
        hash.update(members);
        hash.update(suffix);
        return new Signed(answer, AnswerBytes.spliced(text, text.length - suffix.length, members),
                HEX.formatHex(hash.digest()));
    }

    /** The last member of an answer's canonical JSON, where the signature's members go in front of. */
    private static byte[] suffix(String suite) {
        return (",\"suite\":" + CanonicalJson.serialize(TextNode.valueOf(suite)) + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** A copy of the digest's state, or null if its provider cannot copy one. */
    private static MessageDigest copy(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            return null;
        }
    }

    private static boolean endsWith(byte[] text, byte[] suffix) {
        return text.length >= suffix.length
                && Arrays.equals(text, text.length - suffix.length, text.length, suffix, 0, suffix.length);
    }

    /**
     * An answer ready to be signed.
     *
     * @param answer the answer without signature
     * @param bytes its canonical JSON as UTF-8 (shared, not copied)
     * @param digest the suite hash of {@code bytes}: the answer's leaf in its batch
     * @param head a digest that has hashed {@code bytes} but the closing suite member, which {@link
     *     #assemble} finishes with the signature's members (used once); null if the answer is to be
     *     serialised and hashed in full
     */
    record Unsigned(DataAnswer answer, byte[] bytes, byte[] digest, MessageDigest head) {}

    /**
     * A signed answer as sent.
     *
     * @param answer the signed envelope
     * @param json its canonical JSON as UTF-8, the bytes sent (the unsigned text's array shared, not
     *     copied, with the signature's members spliced in)
     * @param hash hex suite hash of {@code json}
     */
    record Signed(DataAnswer answer, AnswerBytes json, String hash) {}
}

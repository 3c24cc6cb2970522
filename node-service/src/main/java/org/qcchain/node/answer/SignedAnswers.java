package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.crypto.Identity;
import org.qcchain.common.json.CanonicalJson;
import org.qcchain.common.json.Json;

/**
 * Signs an answer and writes it as sent, serialising the envelope — tens of kilobytes of
 * evidence — once instead of three times (the bytes to sign, the signed answer to hash, the JSON
 * to send). The node sends the canonical JSON of the signed answer (RFC 8785 text is plain JSON),
 * so the bytes sent are the bytes hashed into the delivery receipt.
 *
 * <p>The signed answer's canonical form is the unsigned one with {@code "signature"} added among
 * the top-level members; in key order it falls just before {@code "suite"}, the last member, so
 * it is spliced in there. Should the unsigned form ever not end with the suite member, the
 * signed answer is serialised in full instead.
 */
final class SignedAnswers {

    private SignedAnswers() {}

    /**
     * Signs {@code unsigned} as {@code signer}.
     *
     * @param unsigned the answer without its signature
     * @param signer the node's identity
     * @param suite the ledger's suite, for the hash
     * @return the signed answer, its canonical JSON and the hash of that JSON
     */
    static Signed sign(DataAnswer unsigned, Identity signer, CryptoSuite suite) {
        byte[] unsignedBytes = CanonicalJson.serializeUtf8(Json.mapper().valueToTree(unsigned));
        String signature = Base64.getEncoder().encodeToString(signer.sign(unsignedBytes));
        DataAnswer signed = unsigned.withSignature(signature);
        byte[] suffix = (",\"suite\":" + CanonicalJson.serialize(TextNode.valueOf(unsigned.suite())) + "}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] bytes = endsWith(unsignedBytes, suffix)
                ? spliced(unsignedBytes, suffix, ("," + "\"signature\":"
                        + CanonicalJson.serialize(TextNode.valueOf(signature))).getBytes(StandardCharsets.UTF_8))
                : Json.canonicalBytes(signed);
        return new Signed(signed, bytes, suite.hashHex(bytes));
    }

    private static boolean endsWith(byte[] text, byte[] suffix) {
        return text.length >= suffix.length
                && Arrays.equals(text, text.length - suffix.length, text.length, suffix, 0, suffix.length);
    }

    /** {@code text} with {@code member} inserted before its last {@code suffix.length} bytes. */
    private static byte[] spliced(byte[] text, byte[] suffix, byte[] member) {
        int head = text.length - suffix.length;
        byte[] out = Arrays.copyOf(text, text.length + member.length);
        System.arraycopy(member, 0, out, head, member.length);
        System.arraycopy(suffix, 0, out, head + member.length, suffix.length);
        return out;
    }

    /**
     * A signed answer as sent.
     *
     * @param answer the signed envelope
     * @param json its canonical JSON as UTF-8, the bytes sent (shared, not copied)
     * @param hash hex suite hash of {@code json}
     */
    record Signed(DataAnswer answer, byte[] json, String hash) {}
}

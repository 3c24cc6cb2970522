package org.qcchain.node.answer;

import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
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
        String unsignedText = CanonicalJson.serialize(Json.mapper().valueToTree(unsigned));
        String signature = Base64.getEncoder().encodeToString(
                signer.sign(unsignedText.getBytes(StandardCharsets.UTF_8)));
        DataAnswer signed = unsigned.withSignature(signature);
        String suffix = ",\"suite\":" + CanonicalJson.serialize(TextNode.valueOf(unsigned.suite())) + "}";
        String text = unsignedText.endsWith(suffix)
                ? unsignedText.substring(0, unsignedText.length() - suffix.length()) + ",\"signature\":"
                        + CanonicalJson.serialize(TextNode.valueOf(signature)) + suffix
                : Json.canonical(signed);
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return new Signed(signed, text, suite.hashHex(bytes));
    }

    /**
     * A signed answer as sent.
     *
     * @param answer the signed envelope
     * @param json its canonical JSON, the bytes sent
     * @param hash hex suite hash of {@code json}
     */
    record Signed(DataAnswer answer, String json, String hash) {}
}

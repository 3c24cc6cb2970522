package org.qcchain.node.answer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.qcchain.common.answer.AnswerSignatures;
import org.qcchain.common.answer.DataAnswer;
import org.qcchain.common.crypto.CryptoSuite;
import org.qcchain.common.json.Json;
import org.qcchain.sdk.examples.synthetic.AnswerFactory;
import org.qcchain.sdk.examples.synthetic.Scenario;
import org.qcchain.sdk.examples.synthetic.SyntheticNetwork;

/** The bytes sent and the hashes kept, built by splicing and shared hashing, are those of the answer itself. */
class SignedAnswersTest {

    @ParameterizedTest
    @EnumSource(CryptoSuite.class)
    void the_spliced_answer_and_its_hashes_are_those_of_the_signed_answer(CryptoSuite suite) throws Exception {
        SyntheticNetwork network = SyntheticNetwork.create(suite);
        DataAnswer unsigned = AnswerFactory.create(network, 5).answer(new Scenario().consumer("BankMSP")
                .purpose("LOAN_UNDERWRITING").dataset("provident.fund.contributions", "ProvidentFundMSP", 3,
                        Map.of("balance", TextNode.valueOf("56321.40"), "months", IntNode.valueOf(12)),
                        Set.of("balance"))).answer().signedBy(null, null);

        SignedAnswers.Unsigned prepared = SignedAnswers.prepare(unsigned, Json.mapper().valueToTree(unsigned), suite);
        try (AnswerBatchSigner signer = new AnswerBatchSigner(network.node(), Duration.ZERO, 8)) {
            AnswerBatchSigner.Signed share = signer.sign(prepared.digest()).get(30, TimeUnit.SECONDS);
            SignedAnswers.Signed signed = SignedAnswers.assemble(prepared, share, suite);

            assertThat(prepared.head()).isNotNull();
            assertThat(prepared.digest()).isEqualTo(AnswerSignatures.digest(unsigned, suite));
            byte[] sent = signed.json().toByteArray();
            assertThat(sent).isEqualTo(Json.canonicalBytes(signed.answer()));
            assertThat(signed.json().length()).isEqualTo(sent.length);
            assertThat(joined(signed.json().pieces())).isEqualTo(sent);
            assertThat(signed.hash()).isEqualTo(suite.hashHex(sent));
            DataAnswer received = DataAnswer.fromJson(new String(sent, java.nio.charset.StandardCharsets.UTF_8));
            assertThat(received.signedBatch()).isEqualTo(share.batch());
            assertThat(received.signature()).isEqualTo(share.signature());
            suite.verify(network.node().certificate().getPublicKey(),
                    AnswerSignatures.signedBytes(signed.answer(), suite),
                    java.util.Base64.getDecoder().decode(signed.answer().signature()));
        }
    }

    /** The pieces as a writer would send them, one after the other. */
    private static byte[] joined(List<ByteBuffer> pieces) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuffer piece : pieces) {
            byte[] bytes = new byte[piece.remaining()];
            piece.get(bytes);
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}

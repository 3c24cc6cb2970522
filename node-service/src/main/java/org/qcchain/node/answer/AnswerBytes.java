package org.qcchain.node.answer;

import java.nio.ByteBuffer;
import java.util.List;

/**
 * The canonical JSON of a signed answer, kept as the pieces it was put together from: the unsigned
 * answer's text up to its last member, the signature's members, and that last member (see {@link
 * SignedAnswers}). The response is written from the pieces, so the tens of kilobytes of an answer
 * are not copied into one more array on their way out; only a caller that needs a single array
 * (sealing to the consumer's key) has them joined.
 */
public final class AnswerBytes {

    private final List<ByteBuffer> pieces;

    private AnswerBytes(List<ByteBuffer> pieces) {
        this.pieces = pieces;
    }

    /** A text that is all in one array (shared, not copied). */
    static AnswerBytes of(byte[] text) {
        return new AnswerBytes(List.of(ByteBuffer.wrap(text)));
    }

    /**
     * The first {@code headLength} bytes of {@code text}, then {@code inserted}, then the rest of
     * {@code text}; all shared, not copied.
     */
    static AnswerBytes spliced(byte[] text, int headLength, byte[] inserted) {
        return new AnswerBytes(List.of(ByteBuffer.wrap(text, 0, headLength), ByteBuffer.wrap(inserted),
                ByteBuffer.wrap(text, headLength, text.length - headLength)));
    }

    /** @return the text's length in bytes */
    public int length() {
        return pieces.stream().mapToInt(ByteBuffer::remaining).sum();
    }

    /** @return read-only views of the pieces, in order, each positioned at its start */
    public List<ByteBuffer> pieces() {
        return pieces.stream().map(ByteBuffer::asReadOnlyBuffer).toList();
    }

    /** @return the text in one new array */
    public byte[] toByteArray() {
        byte[] joined = new byte[length()];
        int at = 0;
        for (ByteBuffer piece : pieces) {
            int n = piece.remaining();
            piece.duplicate().get(joined, at, n);
            at += n;
        }
        return joined;
    }
}

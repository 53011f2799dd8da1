package dev.chorus.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The inflater against whatever a client may send as a compressed message, cut into frames anywhere. */
class BoundedInflaterProperties {

    private static final int LIMIT = 4096;
    private static final MessageDeflater DEFLATER = new MessageDeflater(1);

    @Property(tries = 300)
    void arbitraryBytesNeverThrowNorInflatePastTheLimit(@ForAll @Size(max = 5) List<@Size(max = 300) byte[]> frames) {
        BoundedInflater inflater = new BoundedInflater(LIMIT);
        long total = 0;
        for (int i = 0; i < frames.size(); i++) {
            BoundedInflater.Result result = inflater.inflate(frames.get(i), i == frames.size() - 1);
            if (!(result instanceof BoundedInflater.Inflated inflated)) {
                return; // refused: nothing more of this message is read
            }
            total += inflated.bytes().length;
            assertTrue(total <= LIMIT, () -> "inflated past the limit");
        }
        inflater.end();
    }

    @Property(tries = 200)
    void aCompressedMessageCutAnywhereInflatesToItselfOrIsRefusedAsTooBig(
            @ForAll @Size(max = 6000) byte[] seed, @ForAll @IntRange(min = 1, max = 7) int pieces) {
        byte[] message = repetitive(seed);
        byte[] compressed = DEFLATER.compress(message, 0, message.length).orElse(null);
        if (compressed == null) {
            return; // not worth compressing: Chorus would send it plain
        }
        BoundedInflater inflater = new BoundedInflater(LIMIT);
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int step = Math.max(1, compressed.length / pieces);
        for (int from = 0; from < compressed.length; from += step) {
            int to = Math.min(compressed.length, from + step);
            BoundedInflater.Result result =
                    inflater.inflate(Arrays.copyOfRange(compressed, from, to), to == compressed.length);
            if (message.length > LIMIT && !(result instanceof BoundedInflater.Inflated)) {
                assertInstanceOf(BoundedInflater.TooBig.class, result);
                return;
            }
            whole.writeBytes(
                    assertInstanceOf(BoundedInflater.Inflated.class, result).bytes());
        }
        assertArrayEquals(message, whole.toByteArray());
    }

    /** The seed's first few bytes repeated to the seed's length: compresses, whatever the seed. */
    private static byte[] repetitive(byte[] seed) {
        byte[] message = new byte[seed.length];
        int period = Math.max(1, Math.min(seed.length, 1 + seed.length % 17));
        for (int i = 0; i < message.length; i++) {
            message[i] = seed[i % period];
        }
        return message;
    }
}

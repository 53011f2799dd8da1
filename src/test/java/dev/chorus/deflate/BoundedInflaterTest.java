package dev.chorus.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** Compressing once and inflating within the limit: round trips, fragments, bombs and garbage. */
class BoundedInflaterTest {

    private static final MessageDeflater DEFLATER = new MessageDeflater(1);

    /** {@code text} repeated until it is {@code bytes} long: compresses well. */
    private static byte[] repeated(String text, int bytes) {
        return text.repeat(bytes / text.length() + 1).substring(0, bytes).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aCompressedMessageInflatesToItself() {
        byte[] message = repeated("Client(1) said: hello there ", 5000);
        byte[] compressed = DEFLATER.compress(message, 0, message.length).orElseThrow();
        assertTrue(compressed.length < message.length / 10, () -> compressed.length + " bytes");
        BoundedInflater inflater = new BoundedInflater(65536);
        var result = inflater.inflate(compressed, true);
        assertArrayEquals(
                message,
                assertInstanceOf(BoundedInflater.Inflated.class, result).bytes());
        // The next message, compressed on its own as Chorus asks clients to, inflates just the same.
        assertArrayEquals(message, ((BoundedInflater.Inflated) inflater.inflate(compressed, true)).bytes());
    }

    @Test
    void aMessageCompressedAcrossFramesInflatesPieceByPiece() {
        byte[] message = repeated("abcdefgh", 20000);
        byte[] compressed = DEFLATER.compress(message, 0, message.length).orElseThrow();
        int half = compressed.length / 2;
        BoundedInflater inflater = new BoundedInflater(65536);
        byte[] first = ((BoundedInflater.Inflated) inflater.inflate(Arrays.copyOf(compressed, half), false)).bytes();
        byte[] second = ((BoundedInflater.Inflated)
                        inflater.inflate(Arrays.copyOfRange(compressed, half, compressed.length), true))
                .bytes();
        byte[] whole = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, whole, first.length, second.length);
        assertArrayEquals(message, whole);
    }

    @Test
    void aBombIsRefusedOnceItPassesTheLimit() {
        byte[] bomb = bomb(16 * 1024 * 1024);
        assertTrue(bomb.length < 32 * 1024, () -> bomb.length + " bytes");
        BoundedInflater inflater = new BoundedInflater(65536);
        assertInstanceOf(BoundedInflater.TooBig.class, inflater.inflate(bomb, true));
    }

    @Test
    void aMessageExactlyAtTheLimitPasses() {
        byte[] message = repeated("x", 65536);
        byte[] compressed = DEFLATER.compress(message, 0, message.length).orElseThrow();
        var result = new BoundedInflater(65536).inflate(compressed, true);
        assertEquals(
                65536, assertInstanceOf(BoundedInflater.Inflated.class, result).bytes().length);
        assertInstanceOf(BoundedInflater.TooBig.class, new BoundedInflater(65535).inflate(compressed, true));
    }

    @Test
    void bytesThatAreNotDeflateAreCorrupt() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x12, 0x34};
        assertInstanceOf(BoundedInflater.Corrupt.class, new BoundedInflater(65536).inflate(garbage, true));
    }

    @Test
    void shortOrIncompressibleMessagesAreNotCompressed() {
        byte[] hello = "Client(1) said: Hello, world!".getBytes(StandardCharsets.UTF_8);
        assertTrue(DEFLATER.compress(hello, 0, hello.length).isEmpty());
        byte[] noise = new byte[4096];
        new java.util.Random(7).nextBytes(noise);
        assertTrue(DEFLATER.compress(noise, 0, noise.length).isEmpty());
    }

    /** {@code zeros} zero bytes as a permessage-deflate payload: about 1 KB per MiB. */
    static byte[] bomb(int zeros) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(new byte[zeros]);
        byte[] out = new byte[zeros / 500 + 1024];
        int size = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, size - 4);
    }
}

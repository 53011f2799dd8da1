package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.net.ProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The raw readers' frame parser against frames as a server writes them, fed whole, byte by byte and in odd
 * chunks: every length encoding at its edges, fragmented messages with a ping between the fragments, a close.
 */
class FrameParserTest {

    /** What the handler saw, one line per call. */
    private final List<String> seen = new ArrayList<>();

    private final FrameParser.Handler recorder = new FrameParser.Handler() {
        @Override
        public void message(boolean text, char[] head, int length) {
            seen.add((text ? "text " : "binary ") + new String(head, 0, length));
        }

        @Override
        public void ping(byte[] payload, int length) {
            seen.add("ping " + new String(payload, 0, length, StandardCharsets.US_ASCII));
        }

        @Override
        public void close(String reason) {
            seen.add("close " + reason);
        }
    };

    @Test
    void everyLengthEncodingAtItsEdgesKeepsTheHeadAndSkipsTheRest() throws ProtocolException {
        for (int length : new int[] {0, 1, 125, 126, 127, 65_535, 65_536, 70_000}) {
            String text = message(length);
            String head = text.substring(0, Math.min(length, Receiver.HEAD));
            for (int chunk : new int[] {Integer.MAX_VALUE, 1, 7, 4096}) {
                seen.clear();
                byte[] wire = concat(frame(0x81, text), frame(0x81, "next"));
                feed(new FrameParser(recorder), wire, chunk);
                assertEquals(List.of("text " + head, "text next"), seen, length + " bytes in chunks of " + chunk);
            }
        }
    }

    @Test
    void aFragmentedMessageWithAPingBetweenItsFragmentsArrivesOnce() throws ProtocolException {
        String first = message(100);
        String second = message(70_000);
        byte[] wire = concat(
                frame(0x01, first),
                frame(0x89, "are you there"),
                frame(0x00, second),
                frame(0x8A, "a pong, ignored"),
                frame(0x80, "end"),
                frame(0x82, "bin"));
        for (int chunk : new int[] {Integer.MAX_VALUE, 1, 3, 1000}) {
            seen.clear();
            feed(new FrameParser(recorder), wire, chunk);
            String head = (first + second).substring(0, Receiver.HEAD);
            assertEquals(List.of("ping are you there", "text " + head, "binary bin"), seen, "chunks of " + chunk);
        }
    }

    @Test
    void aCloseFrameEndsTheStreamWithItsCodeAndReason() throws ProtocolException {
        byte[] close = concat(new byte[] {(byte) 0x88, 15, 0x03, (byte) 0xF0}, bytes("slow consumer"));
        feed(new FrameParser(recorder), concat(frame(0x81, "last"), close, frame(0x81, "after")), 5);
        assertEquals(List.of("text last", "close 1008 slow consumer"), seen);
    }

    @Test
    void aMaskedFrameFromTheServerIsAProtocolError() {
        byte[] masked = RawWire.masked(0x81, bytes("hi"), 2);
        assertThrows(ProtocolException.class, () -> feed(new FrameParser(recorder), masked, 100));
    }

    private static String message(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + i % 26));
        }
        return text.toString();
    }

    /** An unmasked frame as a server writes it, with the shortest length encoding. */
    private static byte[] frame(int firstByte, String payload) {
        byte[] data = bytes(payload);
        ByteBuffer header = ByteBuffer.allocate(10);
        header.put((byte) firstByte);
        if (data.length < 126) {
            header.put((byte) data.length);
        } else if (data.length < 65_536) {
            header.put((byte) 126).putShort((short) data.length);
        } else {
            header.put((byte) 127).putLong(data.length);
        }
        return concat(Arrays.copyOf(header.array(), header.position()), data);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            all.writeBytes(part);
        }
        return all.toByteArray();
    }

    /** Feeds {@code wire} in chunks of {@code chunk} bytes, each from a reused direct buffer like the reader's. */
    private static void feed(FrameParser parser, byte[] wire, int chunk) throws ProtocolException {
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.min(chunk, wire.length) + 1);
        for (int at = 0; at < wire.length; at += chunk) {
            buffer.clear();
            buffer.put(wire, at, Math.min(chunk, wire.length - at)).flip();
            parser.feed(buffer);
        }
    }
}

package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.Setting;
import dev.chorus.testing.Launched;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import jakarta.websocket.CloseReason;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** permessage-deflate on the launcher (RFC 7692): negotiated when on and offered, compressed once, bounded. */
class LauncherCompressionTest {

    @RegisterExtension
    static final Launched COMPRESSING = new Launched(Map.of(Setting.COMPRESSION, "true"));

    @RegisterExtension
    static final Launched PLAIN = new Launched(Map.of());

    private static final Map<String, String> OFFER =
            Map.of("Sec-WebSocket-Extensions", "permessage-deflate; client_max_window_bits");

    private static final int FIN_TEXT = 0x81;
    private static final int COMPRESSED_TEXT = 0xC1;
    private static final int COMPRESSED_BINARY = 0xC2;

    /** A chat line long and repetitive enough to compress. */
    private static final String LONG = "the quick brown fox jumps over the lazy dog; ".repeat(40);

    @Test
    void anOfferIsAcceptedWithoutContextTakeoverEitherWayWhenCompressionIsOn() throws IOException {
        try (RawSocket raw = RawSocket.upgrade(COMPRESSING.uri(), OFFER)) {
            assertEquals(
                    "permessage-deflate; server_no_context_takeover; client_no_context_takeover",
                    extensions(raw),
                    raw.head());
        }
    }

    @Test
    void anOfferIsDeclinedWhenCompressionIsOff() throws IOException {
        try (RawSocket raw = RawSocket.upgrade(PLAIN.uri(), OFFER)) {
            assertEquals("", extensions(raw), raw.head());
        }
    }

    @Test
    void anOfferChorusCannotHonourIsDeclined() throws IOException {
        Map<String, String> narrow = Map.of("Sec-WebSocket-Extensions", "permessage-deflate; server_max_window_bits=9");
        try (RawSocket raw = RawSocket.upgrade(COMPRESSING.uri(), narrow)) {
            assertEquals("", extensions(raw), raw.head());
        }
    }

    @Test
    void aBroadcastGoesCompressedOnceToCompressingClientsAndPlainToTheOthers() throws Exception {
        try (RawSocket first = joined(RawSocket.upgrade(COMPRESSING.uri(), OFFER));
                RawSocket second = joined(RawSocket.upgrade(COMPRESSING.uri(), OFFER));
                RawSocket plain = joined(RawSocket.upgrade(COMPRESSING.uri()))) {
            plain.sendText(LONG);
            RawSocket.Frame toFirst = said(first, LONG);
            RawSocket.Frame toSecond = said(second, LONG);
            RawSocket.Frame toPlain = said(plain, LONG);
            assertTrue(toFirst.rsv1() && toSecond.rsv1(), "compressed for those that negotiated it");
            assertArrayEquals(toFirst.payload(), toSecond.payload(), "the same compressed bytes for both");
            assertFalse(toPlain.rsv1());
            assertTrue(
                    toFirst.payload().length * 10 < toPlain.payload().length,
                    () -> toFirst.payload().length + " compressed bytes for " + toPlain.payload().length);
        }
    }

    @Test
    void aCompressedMessageFromAClientIsInflatedForEveryone() throws Exception {
        try (RawSocket sender = joined(RawSocket.upgrade(COMPRESSING.uri(), OFFER));
                RawSocket plain = joined(RawSocket.upgrade(COMPRESSING.uri()))) {
            String text = "compressed by its sender " + LONG;
            sender.sendFrame(COMPRESSED_TEXT, compress(text.getBytes(StandardCharsets.UTF_8)));
            said(plain, text);
            said(sender, text);
        }
    }

    @Test
    void aCompressedMessageInSeveralFramesIsInflatedWhole() throws Exception {
        try (RawSocket sender = joined(RawSocket.upgrade(COMPRESSING.uri(), OFFER));
                RawSocket plain = joined(RawSocket.upgrade(COMPRESSING.uri()))) {
            String text = "in two frames " + LONG;
            byte[] compressed = compress(text.getBytes(StandardCharsets.UTF_8));
            int half = compressed.length / 2;
            sender.sendFrame(0x41, Arrays.copyOf(compressed, half)); // RSV1 on the first frame only, no FIN
            sender.sendFrame(0x80, Arrays.copyOfRange(compressed, half, compressed.length));
            said(plain, text);
        }
    }

    @Test
    void aDecompressionBombIsClosedWith1009AndTheServerCarriesOn() throws Exception {
        byte[] bomb = compress(new byte[8 * 1024 * 1024]); // 8 MiB of zeros, far past --max-message-bytes
        assertTrue(bomb.length < 16 * 1024, () -> bomb.length + " bytes");
        try (RawSocket raw = RawSocket.upgrade(COMPRESSING.uri(), OFFER)) {
            raw.sendFrame(COMPRESSED_BINARY, bomb);
            CloseReason closed = raw.readUntilClose();
            assertEquals(1009, closed.getCloseCode().getCode(), closed::toString);
            assertEquals("message too big", closed.getReasonPhrase());
            assertTrue(raw.endsAfterClose(), "the connection ends after the close");
        }
        try (RawSocket after = joined(RawSocket.upgrade(COMPRESSING.uri(), OFFER))) {
            after.sendText("still here");
            said(after, "still here");
        }
    }

    @Test
    void bytesThatDoNotInflateAreClosedWith1007() throws Exception {
        try (RawSocket raw = RawSocket.upgrade(COMPRESSING.uri(), OFFER)) {
            raw.sendFrame(COMPRESSED_TEXT, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 1, 2, 3});
            CloseReason closed = raw.readUntilClose();
            assertEquals(1007, closed.getCloseCode().getCode(), closed::toString);
            assertEquals("invalid compressed data", closed.getReasonPhrase());
        }
    }

    @Test
    void aCompressedFrameWithoutTheExtensionIsAProtocolError() throws Exception {
        try (RawSocket raw = RawSocket.upgrade(PLAIN.uri(), OFFER)) {
            raw.sendFrame(COMPRESSED_TEXT, compress("hi".getBytes(StandardCharsets.UTF_8)));
            assertEquals(1002, raw.readUntilClose().getCloseCode().getCode());
        }
        try (RawSocket raw = RawSocket.upgrade(COMPRESSING.uri())) {
            raw.sendFrame(FIN_TEXT | 0x40, compress("hi".getBytes(StandardCharsets.UTF_8)));
            assertEquals(1002, raw.readUntilClose().getCloseCode().getCode());
        }
    }

    /** {@code raw} once it has read its own join notice: it is in the room, and hears what is said from now on. */
    private static RawSocket joined(RawSocket raw) throws IOException {
        try {
            RawSocket.Frame greeting = raw.readFrame();
            assertEquals(Peer.GREETING, greeting.text(), "a newcomer's first frame is its join notice (short: plain)");
            return raw;
        } catch (IOException | AssertionError e) {
            raw.close();
            throw e;
        }
    }

    /** The value of the 101's Sec-WebSocket-Extensions header, or "" without one. */
    private static String extensions(RawSocket raw) {
        for (String line : raw.head().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        return "";
    }

    /** Reads frames (join notices and the like) until the one saying {@code text}; each read is bounded. */
    private static RawSocket.Frame said(RawSocket raw, String text) throws IOException, DataFormatException {
        List<String> seen = new ArrayList<>();
        while (true) {
            RawSocket.Frame frame = raw.readFrame();
            String got = new String(frame.rsv1() ? inflate(frame.payload()) : frame.payload(), StandardCharsets.UTF_8);
            if (got.endsWith(") said: " + text)) {
                return frame;
            }
            seen.add(got.length() > 60 ? got.substring(0, 60) + "…" : got);
            if (seen.size() > 20) {
                throw new AssertionError("no " + text.substring(0, 20) + "… among " + seen);
            }
        }
    }

    /** As a client inflates a message (RFC 7692 §7.2.2): the tail appended, raw DEFLATE. */
    private static byte[] inflate(byte[] payload) throws DataFormatException {
        Inflater inflater = new Inflater(true);
        byte[] input = Arrays.copyOf(payload, payload.length + 4);
        input[payload.length + 2] = (byte) 0xFF;
        input[payload.length + 3] = (byte) 0xFF;
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int made;
        while ((made = inflater.inflate(chunk)) > 0) {
            out.write(chunk, 0, made);
        }
        inflater.end();
        return out.toByteArray();
    }

    /** As a client compresses a message (RFC 7692 §7.2.1). */
    private static byte[] compress(byte[] message) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
        deflater.setInput(message);
        byte[] out = new byte[message.length / 500 + 1024];
        int size = deflater.deflate(out, 0, out.length, Deflater.SYNC_FLUSH);
        deflater.end();
        return Arrays.copyOf(out, size - 4);
    }
}

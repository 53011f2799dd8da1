package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.websocket.CloseReason;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ConsoleLinesTest {

    @Test
    void textIsShownAsItCame() {
        assertEquals("Received 'Hey all'", ConsoleLines.received("Hey all"));
        assertEquals("< Hey all", ConsoleLines.incoming("Hey all"));
    }

    @Test
    void binaryIsShownAsItsLengthAndItsBytesInHex() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80});
        assertEquals("< [binary, 5 bytes] 00 01 02 ff 80", ConsoleLines.incoming(data));
        assertEquals("Received [binary, 5 bytes] 00 01 02 ff 80", ConsoleLines.received(data));
        assertEquals(5, data.remaining(), "showing it does not consume it");
        assertEquals("[binary, 1 byte] 2a", ConsoleLines.binary(ByteBuffer.wrap(new byte[] {42})));
        assertEquals("[binary, 0 bytes]", ConsoleLines.binary(ByteBuffer.allocate(0)));
    }

    @Test
    void longBinaryShowsOnlyItsFirstBytes() {
        String line = ConsoleLines.binary(ByteBuffer.allocate(1000));
        assertEquals("[binary, 1000 bytes] " + "00 ".repeat(31) + "00 …", line);
    }

    @Test
    void aCloseShowsItsCodeAndReason() {
        assertEquals(
                "* closed: 1000 bye",
                ConsoleLines.closed(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "bye")));
        assertEquals(
                "* closed: 1006", ConsoleLines.closed(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "")));
    }

    @Test
    void theHandshakeIsShownLikeCurlVerbose() {
        Map<String, List<String>> headers =
                new TreeMap<>(Map.of("Host", List.of("127.0.0.1:9001"), "X-Two", List.of("a", "b")));
        assertEquals(
                List.of("> GET /chat?room=1 HTTP/1.1", "> Host: 127.0.0.1:9001", "> X-Two: a", "> X-Two: b"),
                ConsoleLines.request(URI.create("ws://127.0.0.1:9001/chat?room=1"), headers));
        assertEquals(
                List.of("< HTTP/1.1 403 Forbidden", "< Host: 127.0.0.1:9001", "< X-Two: a", "< X-Two: b"),
                ConsoleLines.response(403, "Forbidden", headers));
    }
}

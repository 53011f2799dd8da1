package dev.chorus.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.RawHttp;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * RFC 6455's opening handshake and the Origin allow-list, checked with hand-written requests before any
 * upgrade, written once and run against every deployment.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public interface HandshakeContract {

    String KEY = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n";
    String UPGRADE = "Upgrade: websocket\r\nConnection: Upgrade\r\n";
    String VERSION = "Sec-WebSocket-Version: 13\r\n";

    /** The chat socket, e.g. {@code ws://127.0.0.1:PORT/} or {@code ws://127.0.0.1:PORT/chorus/}. */
    URI chatUri();

    @Test
    default void aWellFormedUpgradeIsAccepted() throws Exception {
        assertStatus(101, RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY + VERSION));
    }

    @Test
    default void aMissingKeyGets400() throws Exception {
        assertStatus(400, RawHttp.upgrade(chatUri(), "GET", UPGRADE + VERSION));
    }

    @Test
    default void aKeyThatIsNotSixteenBytesInBase64Gets400() throws Exception {
        assertStatus(400, RawHttp.upgrade(chatUri(), "GET", UPGRADE + "Sec-WebSocket-Key: not-base64!\r\n" + VERSION));
        assertStatus(400, RawHttp.upgrade(chatUri(), "GET", UPGRADE + "Sec-WebSocket-Key: c2hvcnQ=\r\n" + VERSION));
        String unpadded = "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ\r\n";
        assertStatus(400, RawHttp.upgrade(chatUri(), "GET", UPGRADE + unpadded + VERSION));
    }

    @Test
    default void anUpgradeWithoutConnectionUpgradeGets400() throws Exception {
        assertStatus(400, RawHttp.upgrade(chatUri(), "GET", "Upgrade: websocket\r\n" + KEY + VERSION));
        String keepAlive = "Upgrade: websocket\r\nConnection: keep-alive\r\n";
        assertStatus(400, RawHttp.upgrade(chatUri(), "GET", keepAlive + KEY + VERSION));
    }

    @Test
    default void anUpgradeAmongOtherConnectionTokensIsAccepted() throws Exception {
        String firefox = "Upgrade: websocket\r\nConnection: keep-alive, Upgrade\r\n";
        assertStatus(101, RawHttp.upgrade(chatUri(), "GET", firefox + KEY + VERSION));
    }

    @Test
    default void aWrongVersionGets426NamingTheVersionWeSpeak() throws Exception {
        String head = RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY + "Sec-WebSocket-Version: 8\r\n");
        assertStatus(426, head);
        assertTrue(head.contains("Sec-WebSocket-Version: 13"), head);
    }

    @Test
    default void aMissingVersionIsRefusedWith4xx() throws Exception {
        String head = RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY);
        assertTrue(head.matches("(?s)HTTP/1\\.1 4\\d\\d.*"), head);
    }

    @Test
    default void aPostWithUpgradeHeadersIsNotUpgraded() throws Exception {
        String head = RawHttp.upgrade(chatUri(), "POST", UPGRADE + KEY + VERSION + "Content-Length: 0\r\n");
        assertTrue(head.matches("(?s)HTTP/1\\.1 4\\d\\d.*"), head);
    }

    @Test
    default void aForeignBrowserOriginGets403() throws Exception {
        assertStatus(
                403, RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY + VERSION + "Origin: https://evil.example\r\n"));
    }

    @Test
    default void theServersOwnAndLocalOriginsAreAccepted() throws Exception {
        String own = "Origin: http://" + chatUri().getHost() + ":" + chatUri().getPort() + "\r\n";
        assertStatus(101, RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY + VERSION + own));
        assertStatus(
                101, RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY + VERSION + "Origin: http://localhost:3000\r\n"));
    }

    @Test
    default void garbageBytesGetAnErrorOrAClosedSocketNeverAHang() throws Exception {
        String head = RawHttp.exchange(chatUri(), "\u0000\u0001garbage\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(head.isEmpty() || head.matches("(?s)HTTP/1\\.[01] [45]\\d\\d.*"), head);
    }

    @Test
    default void aTlsHelloOnThePlainPortGetsAnErrorOrAClosedSocket() throws Exception {
        byte[] hello = {0x16, 0x03, 0x01, 0x00, 0x05, 0x01, 0x00, 0x00, 0x01, 0x00};
        String head = RawHttp.exchange(chatUri(), hello);
        assertTrue(head.isEmpty() || head.matches("(?s)HTTP/1\\.[01] [45]\\d\\d.*"), head);
    }

    @Test
    default void a64KibHeaderBlockGetsAnErrorOrAClosedSocket() throws Exception {
        String big = "X-Padding: " + "a".repeat(64 * 1024) + "\r\n";
        String head = RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY + VERSION + big);
        assertTrue(head.isEmpty() || head.matches("(?s)HTTP/1\\.[01] [45]\\d\\d.*"), head);
    }

    private static void assertStatus(int status, String head) {
        assertTrue(head.startsWith("HTTP/1.1 " + status), () -> "expected " + status + ", got: " + head);
    }
}

package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.contract.HandshakeContract;
import dev.chorus.testing.Launched;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawHttp;
import dev.chorus.testing.RawSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An {@code Upgrade} other than WebSocket, such as the {@code h2c} that {@code curl --http2} and Java's HttpClient
 * offer on plain requests, is ignored (RFC 9110 7.8): the request is answered at once as HTTP/1.1, framed as
 * usual, and the connection goes on as HTTP/1.1 says.
 */
class LauncherOtherUpgradesTest {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    private static final String H2C =
            "Connection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n";

    private static final Pattern LENGTH = Pattern.compile("(?im)^Content-Length: *(\\d+)");

    @Test
    void aGetOfferingH2cGetsThePageAndTheConnectionServesTheNextRequest() throws IOException {
        URI page = LAUNCHER.server().pageUri();
        try (Socket socket = connect(page)) {
            send(socket, "GET / HTTP/1.1\r\nHost: " + page.getAuthority() + "\r\n" + H2C + "\r\n");
            Response first = Response.read(socket.getInputStream());
            assertTrue(first.head.startsWith("HTTP/1.1 200 "), first.head);
            assertTrue(first.head.toLowerCase().contains("content-type: text/html"), first.head);
            assertTrue(first.body.contains("<title>Chorus</title>"), first.body);

            send(socket, "GET /health/live HTTP/1.1\r\nHost: " + page.getAuthority() + "\r\nConnection: close\r\n\r\n");
            Response second = Response.read(socket.getInputStream());
            assertTrue(second.head.startsWith("HTTP/1.1 200 "), second.head);
            assertEquals(-1, socket.getInputStream().read(), "the server closes after a Connection: close request");
        }
    }

    @Test
    void aPostOfferingH2cToTheMetricsPathIsAnsweredAsAnyPost() throws IOException {
        URI page = LAUNCHER.server().pageUri();
        try (Socket socket = connect(page)) {
            send(
                    socket,
                    "POST /metrics HTTP/1.1\r\nHost: " + page.getAuthority() + "\r\nContent-Length: 0\r\n" + H2C
                            + "\r\n");
            Response answer = Response.read(socket.getInputStream());
            assertTrue(answer.head.startsWith("HTTP/1.1 405 "), answer.head);
            assertTrue(answer.head.contains("Allow: GET"), answer.head);
        }
    }

    @Test
    void anUpgradeOfferingWebSocketAndH2cIsAWebSocketThatJoins() throws IOException {
        String head = RawHttp.upgrade(
                LAUNCHER.uri(),
                "GET",
                "Upgrade: websocket, h2c\r\nConnection: Upgrade\r\n" + HandshakeContract.KEY
                        + HandshakeContract.VERSION);
        assertTrue(head.startsWith("HTTP/1.1 101 "), head);
        // The same offer on two lines, from a client that then hears the chat's greeting.
        try (RawSocket socket = RawSocket.upgrade(LAUNCHER.uri(), Map.of("Upgrade", "h2c"))) {
            assertEquals(Peer.GREETING, socket.readFrame().text());
        }
    }

    private static Socket connect(URI uri) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout((int) Peer.WAIT.toMillis());
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One response read off the wire by its own framing: a head, and a body of its {@code Content-Length}. */
    private record Response(String head, String body) {

        static Response read(InputStream in) throws IOException {
            try {
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        throw new AssertionError("the server closed after " + head.size() + " bytes of a head: "
                                + head.toString(StandardCharsets.ISO_8859_1));
                    }
                    head.write(b);
                }
                String text = head.toString(StandardCharsets.ISO_8859_1);
                Matcher length = LENGTH.matcher(text);
                assertTrue(length.find(), () -> "no Content-Length, so no HTTP/1.1 framing: " + text);
                byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
                return new Response(text, new String(body, StandardCharsets.UTF_8));
            } catch (SocketTimeoutException e) {
                throw new AssertionError(
                        "the server neither answered nor closed within " + Peer.WAIT.toSeconds() + " s", e);
            }
        }
    }
}

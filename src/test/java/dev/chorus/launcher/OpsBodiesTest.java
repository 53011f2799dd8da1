package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chorus.settings.Setting;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Request bodies on the chat port: metrics and health take none and refuse one unread ({@code 413}, then the
 * connection closes), and a body trickled a byte at a time does not keep a connection past the handshake timeout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OpsBodiesTest {

    private static final String HUGE_BODY = "Content-Length: 1000000\r\n\r\n";

    /** How many bytes a trickle sends at most: far beyond the handshake timeout at one per read timeout. */
    private static final int TRICKLE = 200;

    @Test
    void aBodyForTheMetricsPathIsRefusedWith413BeforeItIsRead() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Peer.WAIT.toMillis());
            send(socket, "POST /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\n" + HUGE_BODY + "abc");
            String answer = readToTheEnd(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase(java.util.Locale.ROOT).contains("connection: close"), answer);
        }
    }

    @Test
    void aChunkedBodyForTheHealthPathIsRefusedToo() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Peer.WAIT.toMillis());
            send(socket, "POST /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab");
            String answer = readToTheEnd(socket);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
        }
    }

    @Test
    void aBodyTrickledForeverIsDroppedAtTheHandshakeTimeout() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of(Setting.HANDSHAKE_TIMEOUT, "500ms"));
                Socket socket = new Socket("127.0.0.1", server.port())) {
            // The page's handler answers without reading the body; the connection then has to take it all in.
            send(socket, "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + HUGE_BODY);
            socket.setSoTimeout(100); // the trickle's pace: one byte per read that finds nothing new
            InputStream in = socket.getInputStream();
            byte[] sink = new byte[8192];
            for (int sent = 0; sent < TRICKLE; sent++) {
                try {
                    if (in.read(sink) < 0) {
                        return; // closed by the server
                    }
                } catch (SocketTimeoutException e) {
                    socket.getOutputStream().write('x');
                } catch (IOException e) {
                    return; // reset by the server
                }
            }
            fail("a connection trickling its body stayed open for " + TRICKLE + " bytes");
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Everything the server sends until it closes (bounded by the socket's read timeout). */
    private static String readToTheEnd(Socket socket) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        try {
            socket.getInputStream().transferTo(answer);
        } catch (SocketTimeoutException e) {
            fail("the server did not close after its answer: " + answer.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // reset after the answer: closed as well
        }
        assertEquals(false, answer.size() == 0, "no answer at all");
        return answer.toString(StandardCharsets.ISO_8859_1);
    }
}

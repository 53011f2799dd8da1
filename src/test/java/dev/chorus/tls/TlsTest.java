package dev.chorus.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestCertificates;
import dev.chorus.testing.TestServers;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher serving wss:// and https:// from a keystore the test makes (WssChatTest runs the whole chat
 * contract with a keystore and with a PEM pair).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsTest {

    @TempDir
    static Path directory;

    private static TestCertificates identity;

    @BeforeAll
    static void makeIdentity() throws Exception {
        identity = TestCertificates.create(directory, "server");
    }

    private static ChorusServer withKeystore(Map<Setting, String> more) throws IOException {
        Map<Setting, String> settings = new java.util.HashMap<>(more);
        settings.putAll(identity.keystoreSettings());
        return TestServers.start(settings);
    }

    @Test
    void theChatRunsOverWssWithAKeystore() throws Exception {
        try (ChorusServer server = withKeystore(Map.of())) {
            assertEquals("wss", server.uri().getScheme());
            chatOnce(server.uri());
        }
    }

    @Test
    void thePageIsServedOverHttps() throws Exception {
        try (ChorusServer server = withKeystore(Map.of())) {
            HttpClient https =
                    HttpClient.newBuilder().sslContext(identity.clientContext()).build();
            HttpResponse<String> page =
                    https.send(HttpRequest.newBuilder(server.pageUri()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("chat.js"), page::body);
        }
    }

    @Test
    void aPlainPortCanServeBesideTheTlsPort() throws Exception {
        try (ChorusServer server = withKeystore(Map.of(Setting.PLAIN_PORT, "0"))) {
            URI plain = server.plainUri().orElseThrow();
            assertEquals("ws", plain.getScheme());
            try (Peer peer = Peer.join(plain)) {
                peer.sayAndLearnId("in the clear");
            }
        }
    }

    @Test
    void plainHttpToTheTlsPortGetsNoAnswerInTheClear() throws Exception {
        try (ChorusServer server = withKeystore(Map.of());
                Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Peer.WAIT.toMillis());
            socket.getOutputStream()
                    .write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] answer = readUntilClosed(socket.getInputStream());
            assertFalse(new String(answer, StandardCharsets.ISO_8859_1).startsWith("HTTP/"), "no plain HTTP answer");
        }
    }

    /** TLS 1.1 is refused too: TlsVersionsIT shows it with a hand-built hello to a launcher whose JVM allows 1.1. */
    @Test
    void tls12AndTls13AreAccepted() throws Exception {
        try (ChorusServer server = withKeystore(Map.of())) {
            assertEquals("TLSv1.3", handshake(server, "TLSv1.3"));
            assertEquals("TLSv1.2", handshake(server, "TLSv1.2"));
        }
    }

    private static String handshake(ChorusServer server, String protocol) throws Exception {
        try (SSLSocket socket =
                (SSLSocket) identity.clientContext().getSocketFactory().createSocket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) Peer.WAIT.toMillis());
            socket.setEnabledProtocols(new String[] {protocol});
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    private static byte[] readUntilClosed(InputStream in) {
        java.io.ByteArrayOutputStream seen = new java.io.ByteArrayOutputStream();
        try {
            byte[] buffer = new byte[512];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                seen.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset also means: refused.
        }
        return seen.toByteArray();
    }

    /** Connects with the JDK's WebSocket client trusting the test certificate, says one thing, hears it back. */
    private static void chatOnce(URI uri) throws Exception {
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        HttpClient client =
                HttpClient.newBuilder().sslContext(identity.clientContext()).build();
        WebSocket socket = client.newWebSocketBuilder()
                .buildAsync(uri, new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.add(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                })
                .get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(Peer.GREETING, received.poll(Peer.WAIT.toSeconds(), TimeUnit.SECONDS));
        socket.sendText("over TLS", true).get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        String said = received.poll(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(said != null && said.matches("Client\\(\\d+\\) said: over TLS"), () -> "got " + said);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
    }
}

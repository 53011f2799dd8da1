package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.testing.EchoServer;
import dev.chorus.testing.HandshakeRecorder;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RecordingListener;
import dev.chorus.testing.SilentServer;
import dev.chorus.testing.TestServers;
import jakarta.websocket.CloseReason;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client library against real servers on 127.0.0.1: the launcher, an echo server, refusing servers. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChatClientTest {

    private static final ClientOptions OPTIONS = ClientOptions.defaults().withHandshakeTimeout(Peer.WAIT);

    @Test
    void textAndBinaryGoOutAndComeBackInOrder() throws Exception {
        try (EchoServer echo = EchoServer.plain();
                ChatClient client = ChatClient.connect(echo.uri(), OPTIONS)) {
            client.send("hello");
            client.send(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80}));
            assertEquals("hello", client.receive(Peer.WAIT));
            ByteBuffer data = (ByteBuffer) client.receive(Peer.WAIT);
            assertEquals(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80}), data);
        }
    }

    @Test
    void aPingIsAnsweredWithAPongCarryingItsPayload() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                ChatClient client = ChatClient.connect(server.uri(), OPTIONS)) {
            client.ping(ByteBuffer.wrap(new byte[] {7, 8, 9}));
            assertEquals(ByteBuffer.wrap(new byte[] {7, 8, 9}), client.receivePong(Peer.WAIT));
        }
    }

    @Test
    void theServerPicksTheFirstOfferedSubprotocolItSpeaks() throws Exception {
        try (EchoServer echo = EchoServer.plain();
                ChatClient offering =
                        ChatClient.connect(echo.uri(), OPTIONS.withSubprotocols(List.of("chat.v3", "chat.v2")));
                ChatClient notOffering = ChatClient.connect(echo.uri(), OPTIONS)) {
            assertEquals("chat.v2", offering.subprotocol());
            assertEquals("", notOffering.subprotocol());
        }
    }

    @Test
    void theOriginTheExtraHeadersAndTheSubprotocolsReachTheServer() throws Exception {
        ClientOptions options = OPTIONS.withOrigin("https://chat.example")
                .withHeader("X-Trace", "one")
                .withHeader("Authorization", "Bearer t0ken")
                .withSubprotocols(List.of("chat.v1", "chat.v2"));
        try (HandshakeRecorder recorder = HandshakeRecorder.refusingWith(403)) {
            assertThrows(ConnectFailure.class, () -> ChatClient.connect(recorder.uri(), options));
            Headers sent = recorder.nextRequest();
            assertEquals(List.of("https://chat.example"), sent.get("Origin"));
            assertEquals(List.of("one"), sent.get("X-Trace"));
            assertEquals(List.of("Bearer t0ken"), sent.get("Authorization"));
            assertEquals(List.of("chat.v1, chat.v2"), sent.get("Sec-WebSocket-Protocol"));
        }
    }

    @Test
    void aRefusedHandshakeIsRejectedWithTheStatusAndItsReasonPhrase() throws Exception {
        try (HandshakeRecorder recorder = HandshakeRecorder.refusingWith(403)) {
            ConnectFailure failure =
                    assertThrows(ConnectFailure.class, () -> ChatClient.connect(recorder.uri(), OPTIONS));
            assertEquals(ConnectFailure.Kind.REJECTED, failure.kind());
            assertEquals(403, failure.status());
            assertEquals(
                    "the server at " + recorder.uri() + " refused the handshake: 403 Forbidden", failure.getMessage());
        }
    }

    @Test
    void aPortNobodyListensOnIsUnreachable() throws Exception {
        URI nobody = URI.create("ws://127.0.0.1:" + freePort() + "/");
        ConnectFailure failure = assertThrows(ConnectFailure.class, () -> ChatClient.connect(nobody, OPTIONS));
        assertEquals(ConnectFailure.Kind.UNREACHABLE, failure.kind());
        assertTrue(failure.getMessage().startsWith("cannot reach " + nobody + ": "), failure::getMessage);
    }

    @Test
    void aServerThatNeverAnswersTheUpgradeTimesOut() throws Exception {
        // The kernel accepts the TCP connection into the backlog; nobody ever reads the upgrade request.
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("ws://127.0.0.1:" + mute.getLocalPort() + "/");
            ClientOptions impatient = OPTIONS.withHandshakeTimeout(Duration.ofMillis(300));
            ConnectFailure failure = assertThrows(ConnectFailure.class, () -> ChatClient.connect(uri, impatient));
            assertEquals(ConnectFailure.Kind.TIMEOUT, failure.kind());
            assertEquals("no handshake from " + uri + " within 300ms", failure.getMessage());
        }
    }

    @Test
    void aCloseWithACodeAndReasonIsReportedWithThem() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of())) {
            ChatClient client = ChatClient.connect(server.uri(), OPTIONS);
            client.close(4000, "done here");
            CloseReason reason = client.closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(4000, reason.getCloseCode().getCode());
            assertEquals("done here", reason.getReasonPhrase());
            assertTrue(client.closeRequested());
        }
    }

    @Test
    void theServersCloseIsReportedAndEndsTheWaitForMessages() throws Exception {
        ChorusServer server = TestServers.start(Map.of());
        try (ChatClient client = ChatClient.connect(server.uri(), OPTIONS)) {
            assertEquals(Peer.GREETING, client.receive(Peer.WAIT));
            server.close();
            CloseReason reason = client.closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1001, reason.getCloseCode().getCode());
            assertEquals("server shutting down", reason.getReasonPhrase());
            assertNull(client.receive(Duration.ofMinutes(5)), "returns at once: nothing more can come");
        }
    }

    @Test
    void aListenerHearsTheOpenTheMessagesThePongAndTheClose() throws Exception {
        RecordingListener events = new RecordingListener();
        try (ChorusServer server = TestServers.start(Map.of())) {
            ChatClient client = ChatClient.connect(server.uri(), OPTIONS, events);
            events.expect("open");
            events.expect("text " + Peer.GREETING);
            client.send(ByteBuffer.wrap(new byte[] {1, 2}));
            events.expect("binary 0102");
            client.ping(ByteBuffer.wrap(new byte[] {3}));
            events.expect("pong 1 bytes");
            client.close();
            events.expect("close 1000 bye");
            assertThrows(IllegalStateException.class, () -> client.receive(Duration.ZERO), "events go to the listener");
        }
    }

    @Test
    void whatArrivesAfterOurCloseIsStillDeliveredUntilTheServerAnswersIt() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of())) {
            ChatClient client = ChatClient.connect(server.uri(), OPTIONS);
            client.send("first line");
            client.send("second line");
            client.close();
            List<Object> received = new java.util.ArrayList<>();
            for (Object message = client.receive(Peer.WAIT); message != null; message = client.receive(Peer.WAIT)) {
                received.add(message);
            }
            assertEquals(List.of(Peer.GREETING, "Client(1) said: first line", "Client(1) said: second line"), received);
            CloseReason answer = client.closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("1000 bye", ConsoleLines.codeAndReason(answer), "the server's echo of our close");
        }
    }

    @Test
    void aServerThatNeverAnswersTheCloseIsDroppedAfterTheTimeoutWith1006() throws Exception {
        try (SilentServer silent = SilentServer.start()) {
            ChatClient client = ChatClient.connect(silent.uri(), OPTIONS.withHandshakeTimeout(Duration.ofMillis(200)));
            client.close();
            CloseReason reason = client.closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("1006 no close from the server", ConsoleLines.codeAndReason(reason));
        }
    }

    @Test
    void aSendOnAClosedConnectionFailsWithAnIoException() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of())) {
            ChatClient client = ChatClient.connect(server.uri(), OPTIONS);
            client.close();
            assertThrows(java.io.IOException.class, () -> client.send("too late"));
        }
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}

package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Send, read a number of messages, close: what the tutorial client and {@code --text}/{@code --count} run. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OneShotTest {

    private ChorusServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServers.start(Map.of());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ChatClient connect() throws ConnectFailure {
        return ChatClient.connect(server.uri(), ClientOptions.defaults().withHandshakeTimeout(Peer.WAIT));
    }

    @Test
    void theTutorialExchangeReadsTheGreetingAndClosesNormally() throws Exception {
        Transcript transcript = OneShot.run(connect(), List.of("Hello, world!"), 1, Peer.WAIT);
        assertEquals(List.of(Peer.GREETING), transcript.received());
        assertEquals(Transcript.Ending.COMPLETE, transcript.ending());
        assertEquals(1000, transcript.close().getCloseCode().getCode());
        assertEquals("bye", transcript.close().getReasonPhrase());
    }

    @Test
    void textAndBinaryAreSentInTheOrderGivenAndComeBackInIt() throws Exception {
        ByteBuffer bytes = ByteBuffer.wrap(new byte[] {0, (byte) 0xff});
        Transcript transcript = OneShot.run(connect(), List.of("first", bytes, "third"), 4, Peer.WAIT);
        assertEquals(
                List.of(Peer.GREETING, "Client(1) said: first", bytes, "Client(1) said: third"), transcript.received());
    }

    @Test
    void fewerMessagesThanAskedForEndsTheWaitAfterTheTimeout() throws Exception {
        Transcript transcript = OneShot.run(connect(), List.of("only one"), 3, Duration.ofMillis(300));
        assertEquals(List.of(Peer.GREETING, "Client(1) said: only one"), transcript.received());
        assertEquals(Transcript.Ending.TIMED_OUT, transcript.ending());
        assertEquals(1000, transcript.close().getCloseCode().getCode());
    }

    @Test
    void aServerThatClosesFirstEndsTheExchangeWithItsCloseReason() throws Exception {
        ChatClient client = connect();
        assertEquals(Peer.GREETING, client.receive(Peer.WAIT));
        server.close();
        Transcript transcript = OneShot.run(client, List.of(), 1, Peer.WAIT);
        assertEquals(List.of(), transcript.received());
        assertEquals(Transcript.Ending.CLOSED_BY_SERVER, transcript.ending());
        assertEquals(1001, transcript.close().getCloseCode().getCode());
        assertEquals("server shutting down", transcript.close().getReasonPhrase());
    }
}

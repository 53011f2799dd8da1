package dev.chorus.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.Http;
import dev.chorus.testing.JarProcess;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import jakarta.websocket.CloseReason;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built jar as a service manager runs it: SIGTERM drains, then every client has 1001 and the exit is 0. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class GracefulShutdownIT {

    private static final Pattern LISTENING = Pattern.compile("Chorus listening on (ws://\\S+)");
    private static final int MESSAGES = 200;
    private static final String BIG = "q".repeat(16 * 1024);
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;

    /** Room for everything queued, and no eviction or heartbeat while a test holds a reader back. */
    private static final List<String> PATIENT = List.of(
            "--port", "0",
            "--outbox-bytes", "67108864",
            "--outbox-messages", "100000",
            "--write-timeout", "10m",
            "--ping-interval", "10m",
            "--message-rate", "0",
            "--byte-rate", "0");

    private static JarProcess start(String drainTimeout, String... more) throws Exception {
        List<String> args = new java.util.ArrayList<>(PATIENT);
        args.addAll(List.of("--drain-timeout", drainTimeout));
        args.addAll(List.of(more));
        return JarProcess.start(args.toArray(String[]::new));
    }

    @Test
    void sigtermDeliversWhatIsQueuedThenClosesEveryClientWith1001AndExitsZero() throws Exception {
        try (JarProcess server = start("60s")) {
            URI uri = URI.create(server.awaitLog(LISTENING).group(1));
            RawSocket slow = RawSocket.joinedSlowReader(uri);
            Peer sender = Peer.join(uri);
            sender.floodAndHearBack(MESSAGES, BIG);
            server.terminate();
            server.awaitLog(Pattern.compile("Draining 2 clients for at most PT1M"));
            CloseReason senderClosed = sender.client().closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(1001, senderClosed.getCloseCode().getCode());
            assertEquals("server shutting down", senderClosed.getReasonPhrase());

            int said = 0;
            RawSocket.Frame frame = slow.readFrame();
            while (frame.opcode() != CLOSE) {
                said += frame.opcode() == TEXT && frame.text().endsWith(BIG) ? 1 : 0;
                frame = slow.readFrame();
            }
            assertEquals(MESSAGES, said, "every queued message arrives before the close");
            assertEquals(1001, ((frame.payload()[0] & 0xFF) << 8) | (frame.payload()[1] & 0xFF));
            slow.close();
            assertEquals(0, server.awaitExit(), () -> "stderr: " + server.stderr());
            assertTrue(server.stderr().stream().anyMatch(l -> l.contains("Drained: every client")), "drained");
        }
    }

    @Test
    void sigtermWithAClientThatNeverReadsStillExitsZeroOnceTheDrainTimesOut() throws Exception {
        try (JarProcess server = start("1s")) {
            URI uri = URI.create(server.awaitLog(LISTENING).group(1));
            RawSocket stalled = RawSocket.joinedSlowReader(uri);
            Peer.join(uri).floodAndHearBack(MESSAGES, BIG);
            server.terminate();
            server.awaitLog(Pattern.compile("Drain timed out after PT1S: closed 1 clients"));
            assertEquals(0, server.awaitExit(), () -> "stderr: " + server.stderr());
            stalled.close();
        }
    }

    @Test
    void theJarServesMetricsHealthAndTheAdminEndpoints() throws Exception {
        try (JarProcess server = start("5s", "--admin-port", "0", "--admin-token", "jar-token")) {
            URI admin = URI.create(server.awaitLog(Pattern.compile("Chorus admin endpoints on (http://\\S+)"))
                    .group(1));
            URI page = URI.create(server.awaitLog(LISTENING).group(1).replaceFirst("^ws", "http"));
            HttpResponse<String> metrics = Http.get(page.resolve("/metrics"));
            assertEquals(200, metrics.statusCode());
            assertTrue(metrics.body().contains("\nchorus_connections_open "), metrics::body);
            assertEquals(200, Http.get(page.resolve("/health/ready")).statusCode());
            HttpResponse<String> clients = Http.withToken("GET", admin.resolve("clients"), "jar-token", "");
            assertEquals(200, clients.statusCode(), clients::body);
            assertEquals("[]", clients.body());
            server.terminate();
            assertEquals(0, server.awaitExit(), () -> "stderr: " + server.stderr());
            assertTrue(server.stderr().stream().noneMatch(l -> l.contains("jar-token")), "the token is never logged");
        }
    }
}

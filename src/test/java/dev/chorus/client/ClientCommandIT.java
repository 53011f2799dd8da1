package dev.chorus.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.Headers;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.naming.ClientName;
import dev.chorus.testing.DefaultNames;
import dev.chorus.testing.EchoServer;
import dev.chorus.testing.HandshakeRecorder;
import dev.chorus.testing.JarProcess;
import dev.chorus.testing.Peer;
import dev.chorus.testing.SentAway;
import dev.chorus.testing.SilentServer;
import dev.chorus.testing.TestCertificates;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import dev.chorus.v1.Events;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar chorus.jar client …} as a user runs it: a real process against servers on 127.0.0.1 — the
 * launcher (in this JVM, or as a process where it has to stop and start again), a TLS echo server, and
 * loopback HTTP servers that refuse or never answer the upgrade.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientCommandIT {

    private static final String GREETING = "Hey all, a new client has joined us";
    private static final Pattern LISTENING = Pattern.compile("Chorus listening on (ws://\\S+)");
    private static final Pattern RECONNECTING =
            Pattern.compile("^chorus client: reconnecting in (\\d+)ms \\(attempt (\\d+)\\)$");

    @TempDir
    Path directory;

    @Test
    void withoutOptionsItIsTheTutorialClient() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client = JarProcess.start("client", server.uri().toString())) {
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
            assertEquals(List.of("Received '" + GREETING + "'"), client.stdout());
            assertEquals(List.of(), client.stderr());
        }
    }

    @Test
    void interactiveSendsEachLinePrintsEveryMessageAndClosesWith1000AtTheEndOfInput() throws Exception {
        try (JarProcess server = JarProcess.start("--port", "0")) {
            URI uri = startedAt(server);
            try (JarProcess client = JarProcess.startWithStdin("client", "--interactive", uri.toString())) {
                client.awaitOutput("< " + GREETING);
                client.writeLine("hello there");
                client.awaitOutput("< Client(1) said: hello there");
                try (Peer other = Peer.join(uri)) {
                    client.awaitOutput("< " + GREETING);
                    other.send(ByteBuffer.wrap(new byte[] {0, 1, 2, (byte) 0xff, (byte) 0x80}));
                    client.awaitOutput("< [binary, 5 bytes] 00 01 02 ff 80");
                }
                client.closeStdin();
                assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
                assertEquals(
                        List.of(
                                "< " + GREETING,
                                "< Client(1) said: hello there",
                                "< " + GREETING,
                                "< [binary, 5 bytes] 00 01 02 ff 80",
                                "* closed: 1000 bye"),
                        client.stdout());
                assertEquals(List.of(), client.stderr());
                server.awaitLog(Pattern.compile("Client\\(1\\) disconnected"));
            }
        }
    }

    @Test
    void pipedInteractivePrintsEveryEchoThatArrivesBeforeTheServersCloseThenExits0() throws Exception {
        // printf 'first line\nsecond line\n' | chorus client -i URL: the input ends before any echo is back.
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client = JarProcess.startWithStdin(
                        "client", "--interactive", server.uri().toString())) {
            client.writeLine("first line");
            client.writeLine("second line");
            client.closeStdin();
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
            assertEquals(
                    List.of(
                            "< " + GREETING,
                            "< Client(1) said: first line",
                            "< Client(1) said: second line",
                            "* closed: 1000 bye"),
                    client.stdout());
            assertEquals(List.of(), client.stderr());
        }
    }

    @Test
    void controlCharactersFromOtherClientsArePrintedAsEscapesNotSentToTheTerminal() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client =
                        JarProcess.startWithStdin("client", "-i", server.uri().toString())) {
            client.awaitOutput("< " + GREETING);
            try (Peer other = Peer.join(server.uri())) {
                client.awaitOutput("< " + GREETING);
                other.say("\u001b[2J\u001b]0;owned\u0007\rhidden\u202eright-to-left\u009b31m");
                client.awaitOutput(
                        "< Client(2) said: \\u001b[2J\\u001b]0;owned\\u0007\\rhidden\\u202eright-to-left\\u009b31m");
            }
            client.closeStdin();
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
        }
    }

    @Test
    void interactiveGivesUpOnACloseTheServerNeverAnswersAfterTheTimeoutWithExit5() throws Exception {
        try (SilentServer silent = SilentServer.start();
                JarProcess client = JarProcess.startWithStdin(
                        "client", "-i", "--timeout", "500ms", silent.uri().toString())) {
            client.closeStdin();
            assertEquals(5, client.awaitExit(), () -> "stderr: " + client.stderr());
            assertEquals(List.of("* closed: 1006 no close from the server"), client.stdout());
            assertEquals(List.of("chorus client: the server did not answer the close within 500ms"), client.stderr());
        }
    }

    @Test
    void interactiveWithReconnectComesBackAfterTheServerRestartsOnTheSamePort() throws Exception {
        JarProcess first = JarProcess.start("--port", "0");
        URI uri = startedAt(first);
        try (JarProcess client = JarProcess.startWithStdin("client", "--interactive", "--reconnect", uri.toString())) {
            client.awaitOutput("< " + GREETING);
            first.terminate();
            assertEquals(0, first.awaitExit());
            client.awaitOutput("* closed: 1001 server shutting down");
            try (JarProcess second = JarProcess.start("--port", String.valueOf(uri.getPort()))) {
                assertEquals(uri, startedAt(second));
                client.awaitOutput("< " + GREETING);
                client.writeLine("back again");
                client.awaitOutput("< Client(1) said: back again");
                client.closeStdin();
                client.awaitOutput("* closed: 1000 bye");
                assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
            }
            assertTrue(
                    client.stderr().stream().anyMatch(line -> waitAtMost(line, 1, 250)),
                    () -> "stderr: " + client.stderr());
        } finally {
            first.close();
        }
    }

    @Test
    void interactiveWithReconnectAndChorusV1ResumesWhereItLeftOff() throws Exception {
        String missed = "< {\"type\":\"said\",\"seq\":1,\"from\":2,\"text\":\"while you were away\"}";
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client = JarProcess.startWithStdin(
                        "client",
                        "-i",
                        "--reconnect",
                        "--subprotocol",
                        "chorus.v1",
                        server.uri().toString())) {
            client.awaitOutput("< " + Events.welcome(1, ClientName.of(1), "/", DefaultNames.of(1L), 0));
            try (V1Peer talker = V1Peer.join(server.uri())) {
                client.awaitOutput("< {\"type\":\"joined\",\"id\":2}");
                SentAway away = SentAway.client(server, 1);
                try {
                    client.awaitOutput("* closed: 1001 disconnected by operator");
                    talker.awaitPresence("left", 1);
                    talker.say("while you were away");
                    talker.nextSaid();
                } finally {
                    away.close();
                }
                client.awaitOutput("< " + Events.welcome(3, ClientName.of(3), "/", DefaultNames.of(2L, 3L), 1));
                client.awaitOutput(missed);
            }
            client.closeStdin();
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
            assertEquals(1, Collections.frequency(client.stdout(), missed), () -> "stdout: " + client.stdout());
        }
    }

    @Test
    void interactiveSaysInOneLineThatTheServerEndedTheConnection() throws Exception {
        ChorusServer server = TestServers.start(Map.of());
        try (JarProcess client =
                JarProcess.startWithStdin("client", "-i", server.uri().toString())) {
            client.awaitOutput("< " + GREETING);
            server.close();
            assertEquals(1, client.awaitExit());
            assertEquals(List.of("< " + GREETING, "* closed: 1001 server shutting down"), client.stdout());
            assertEquals(List.of("chorus client: the connection ended: 1001 server shutting down"), client.stderr());
        }
    }

    @Test
    void aRefusedConnectionExitsWith3InOneLine() throws Exception {
        URI nobody = URI.create("ws://127.0.0.1:" + freePort() + "/");
        for (String mode : List.of("--count=1", "--interactive")) {
            try (JarProcess client = JarProcess.start("client", mode, nobody.toString())) {
                assertEquals(3, client.awaitExit(), () -> mode + ": " + client.stderr());
                assertEquals(1, client.stderr().size(), () -> mode + ": " + client.stderr());
                assertTrue(
                        client.stderr().get(0).startsWith("chorus client: cannot reach " + nobody + ": "),
                        () -> mode + ": " + client.stderr());
                assertEquals(List.of(), client.stdout());
            }
        }
    }

    @Test
    void aHandshakeRefusedWithAnHttpStatusExitsWith4NamingIt() throws Exception {
        try (HandshakeRecorder refusing = HandshakeRecorder.refusingWith(403);
                JarProcess client = JarProcess.start("client", refusing.uri().toString())) {
            assertRefusedWith403(client, refusing.uri());
        }
    }

    @Test
    void aForeignOriginIsRefusedByTheLauncherWith403AndExit4() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client = JarProcess.start(
                        "client",
                        "--origin",
                        "https://evil.example",
                        server.uri().toString())) {
            assertRefusedWith403(client, server.uri());
        }
    }

    @Test
    void reconnectRetriesAFailedFirstConnectWithinA250msCeilingThenWithinADoubledOne() throws Exception {
        URI nobody = URI.create("ws://127.0.0.1:" + freePort() + "/");
        try (JarProcess client = JarProcess.startWithStdin("client", "-i", "--reconnect", nobody.toString())) {
            String first = client.awaitLog(RECONNECTING).group();
            assertTrue(waitAtMost(first, 1, 250), first);
            String second = client.awaitLog(RECONNECTING).group();
            assertTrue(waitAtMost(second, 2, 500), second);
            client.closeStdin();
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
        }
    }

    @Test
    void theOriginTheHeadersAndTheSubprotocolsGivenReachTheServer() throws Exception {
        try (HandshakeRecorder recorder = HandshakeRecorder.refusingWith(403);
                JarProcess client = JarProcess.start(
                        "client",
                        "--origin",
                        "https://chat.example",
                        "-H",
                        "X-One: 1",
                        "--header",
                        "X-Two:two words",
                        "--subprotocol",
                        "chat.v2",
                        "--subprotocol",
                        "chat.v1",
                        recorder.uri().toString())) {
            Headers sent = recorder.nextRequest();
            assertEquals(List.of("https://chat.example"), sent.get("Origin"));
            assertEquals(List.of("1"), sent.get("X-One"));
            assertEquals(List.of("two words"), sent.get("X-Two"));
            assertEquals(List.of("chat.v2, chat.v1"), sent.get("Sec-WebSocket-Protocol"));
            assertEquals(4, client.awaitExit());
        }
    }

    @Test
    void verboseShowsTheHandshakeOnStderrAndLeavesStdoutAlone() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client =
                        JarProcess.start("client", "--verbose", server.uri().toString())) {
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
            assertEquals(List.of("Received '" + GREETING + "'"), client.stdout());
            List<String> stderr = client.stderr();
            assertEquals("> GET / HTTP/1.1", stderr.get(0));
            assertTrue(stderr.contains("> Upgrade: websocket"), stderr::toString);
            assertTrue(stderr.contains("> Origin: http://127.0.0.1:" + server.port()), stderr::toString);
            assertTrue(stderr.stream().anyMatch(line -> line.matches("> Sec-WebSocket-Key: \\S+")), stderr::toString);
            assertTrue(stderr.contains("< HTTP/1.1 101 Switching Protocols"), stderr::toString);
            assertTrue(
                    stderr.stream().anyMatch(line -> line.matches("< sec-websocket-accept: \\S+")), stderr::toString);
            assertEquals("* closed: 1000 bye", stderr.get(stderr.size() - 1));
        }
    }

    @Test
    void textAndBinaryPayloadsGoInTheirOrderAndCountMessagesArePrinted() throws Exception {
        Path file = Files.write(directory.resolve("three.bin"), new byte[] {(byte) 0xca, (byte) 0xfe, 0x21});
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client = JarProcess.start(
                        "client",
                        "--text",
                        "hi",
                        "--binary",
                        "00 01 02 ff 80",
                        "--binary-file",
                        file.toString(),
                        "--count",
                        "4",
                        server.uri().toString())) {
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
            assertEquals(
                    List.of(
                            "Received '" + GREETING + "'",
                            "Received 'Client(1) said: hi'",
                            "Received [binary, 5 bytes] 00 01 02 ff 80",
                            "Received [binary, 3 bytes] ca fe 21"),
                    client.stdout());
        }
    }

    @Test
    void fewerMessagesThanTheCountExitsWith5AfterTheTimeout() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client = JarProcess.start(
                        "client",
                        "--text",
                        "once",
                        "--count",
                        "3",
                        "--timeout",
                        "500ms",
                        server.uri().toString())) {
            assertEquals(5, client.awaitExit());
            assertEquals(List.of("Received '" + GREETING + "'", "Received 'Client(1) said: once'"), client.stdout());
            assertEquals(
                    List.of("chorus client: received 2 of 3 messages from " + server.uri() + ", no more within 500ms"),
                    client.stderr());
        }
    }

    @Test
    void aHandshakeThatNeverCompletesTimesOutWithExit5() throws Exception {
        // The kernel accepts the connection into the backlog; nobody ever reads the upgrade request.
        try (ServerSocket mute = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            URI uri = URI.create("ws://127.0.0.1:" + mute.getLocalPort() + "/");
            try (JarProcess client = JarProcess.start("client", "--timeout", "500ms", uri.toString())) {
                assertEquals(5, client.awaitExit());
                assertEquals(List.of("chorus client: no handshake from " + uri + " within 500ms"), client.stderr());
            }
        }
    }

    @Test
    void wssWorksWithTheServersCaCertificateAndFailsInOneLineWithoutIt() throws Exception {
        TestCertificates certificate = TestCertificates.create(directory, "server");
        try (EchoServer echo = EchoServer.tls(certificate)) {
            String wss = echo.uri().toString();
            try (JarProcess trusting = JarProcess.start(
                            "client", "--cacert", certificate.cert().toString(), "--text", "secret", wss);
                    JarProcess untrusting = JarProcess.start("client", "--text", "secret", wss);
                    JarProcess insecure = JarProcess.start("client", "--insecure", "--text", "anyone", wss)) {
                assertEquals(0, trusting.awaitExit(), () -> "stderr: " + trusting.stderr());
                assertEquals(List.of("Received 'secret'"), trusting.stdout());
                assertEquals(1, untrusting.awaitExit());
                assertEquals(1, untrusting.stderr().size(), () -> "stderr: " + untrusting.stderr());
                assertTrue(
                        untrusting.stderr().get(0).startsWith("chorus client: TLS handshake with " + wss + " failed: "),
                        () -> "stderr: " + untrusting.stderr());
                assertEquals(0, insecure.awaitExit(), () -> "stderr: " + insecure.stderr());
                assertEquals(List.of("Received 'anyone'"), insecure.stdout());
            }
        }
    }

    @Test
    void wssToTheLauncherWorksWithItsCertificateAsCacertAndExits1InOneLineWithoutIt() throws Exception {
        TestCertificates identity = TestCertificates.create(directory, "launcher");
        try (ChorusServer server = TestServers.start(identity.keystoreSettings());
                JarProcess trusting = JarProcess.start(
                        "client",
                        "--cacert",
                        identity.cert().toString(),
                        server.uri().toString());
                JarProcess untrusting = JarProcess.start("client", server.uri().toString())) {
            assertEquals("wss", server.uri().getScheme());
            assertEquals(0, trusting.awaitExit(), () -> "stderr: " + trusting.stderr());
            assertEquals(List.of("Received '" + GREETING + "'"), trusting.stdout());
            assertEquals(List.of(), trusting.stderr());
            assertEquals(1, untrusting.awaitExit(), () -> "stderr: " + untrusting.stderr());
            assertEquals(1, untrusting.stderr().size(), () -> "stderr: " + untrusting.stderr());
            assertTrue(
                    untrusting
                            .stderr()
                            .get(0)
                            .startsWith("chorus client: TLS handshake with " + server.uri() + " failed: "),
                    () -> "stderr: " + untrusting.stderr());
            assertEquals(List.of(), untrusting.stdout());
        }
    }

    @Test
    void pingIntervalPingsAndVerboseShowsThePongs() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of());
                JarProcess client = JarProcess.startWithStdin(
                        "client",
                        "-i",
                        "-v",
                        "--ping-interval",
                        "100ms",
                        server.uri().toString())) {
            client.awaitLog(Pattern.compile("^\\* pong \\(6 bytes\\)$"));
            client.awaitLog(Pattern.compile("^\\* pong \\(6 bytes\\)$"));
            client.closeStdin();
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
        }
    }

    @Test
    void aServerThatStopsAnsweringPingsIsClosedAfterTheTimeout() throws Exception {
        try (SilentServer silent = SilentServer.start();
                JarProcess client = JarProcess.startWithStdin(
                        "client",
                        "-i",
                        "--ping-interval",
                        "100ms",
                        "--timeout",
                        "500ms",
                        silent.uri().toString())) {
            assertEquals(1, client.awaitExit());
            assertEquals(List.of("* closed: 1001 no pong"), client.stdout());
            assertEquals(List.of("chorus client: the connection ended: 1001 no pong"), client.stderr());
        }
    }

    @Test
    void usageErrorsExitWith2InOneLine() throws Exception {
        List<List<String>> mistakes = List.of(
                List.of("--reconnect"),
                List.of("--interactive", "--text", "not with -i"),
                List.of("--binary", "zz"),
                List.of("--timeout", "soon"),
                List.of("--cacert", directory.resolve("missing.pem").toString()),
                List.of("http://127.0.0.1/"),
                List.of("--no-such-option"));
        for (List<String> mistake : mistakes) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("client"), mistake.stream())
                    .toArray(String[]::new);
            try (JarProcess client = JarProcess.start(args)) {
                assertEquals(2, client.awaitExit(), mistake::toString);
                assertEquals(1, client.stderr().size(), () -> mistake + ": " + client.stderr());
                assertTrue(
                        client.stderr().get(0).startsWith("chorus client: "), () -> mistake + ": " + client.stderr());
            }
        }
    }

    @Test
    void theHelpListsEveryExitCode() throws Exception {
        try (JarProcess help = JarProcess.start("client", "--help")) {
            assertEquals(0, help.awaitExit());
            String text = String.join("\n", help.stdout());
            for (String code : List.of(
                    "0   done",
                    "1   failed",
                    "2   invalid",
                    "3   server unreachable",
                    "4   handshake rejected",
                    "5   timed out")) {
                assertTrue(text.contains(code), () -> code + " missing from: " + text);
            }
        }
    }

    /** Exit 4 and the one line that names the status, nothing on stdout. */
    private static void assertRefusedWith403(JarProcess client, URI uri) throws InterruptedException {
        assertEquals(4, client.awaitExit(), () -> "stderr: " + client.stderr());
        assertEquals(
                List.of("chorus client: the server at " + uri + " refused the handshake: 403 Forbidden"),
                client.stderr());
        assertEquals(List.of(), client.stdout());
    }

    /** Whether {@code line} announces reconnect {@code attempt} after a wait of at most {@code ceiling} ms. */
    private static boolean waitAtMost(String line, int attempt, long ceiling) {
        java.util.regex.Matcher matcher = RECONNECTING.matcher(line);
        return matcher.matches()
                && Integer.parseInt(matcher.group(2)) == attempt
                && Long.parseLong(matcher.group(1)) <= ceiling;
    }

    private static URI startedAt(JarProcess server) throws InterruptedException {
        return URI.create(server.awaitLog(LISTENING).group(1));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}

package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.client.ChatClient;
import dev.chorus.settings.Setting;
import dev.chorus.testing.JarProcess;
import dev.chorus.testing.Peer;
import jakarta.websocket.CloseReason;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The built {@code chorus.jar} as a user runs it: real processes, real sockets, loopback only. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LauncherProcessIT {

    private static final Pattern LISTENING = Pattern.compile("Chorus listening on (ws://\\S+)");

    private static URI startedAt(JarProcess server) throws InterruptedException {
        return URI.create(server.awaitLog(LISTENING).group(1));
    }

    @Test
    void theClientCommandPrintsTheFirstMessageItReceivesLikeTheTutorial() throws Exception {
        try (JarProcess server = JarProcess.start("--port", "0");
                JarProcess client = JarProcess.start("client", startedAt(server).toString())) {
            assertEquals(0, client.awaitExit(), () -> "stderr: " + client.stderr());
            assertEquals(List.of("Received 'Hey all, a new client has joined us'"), client.stdout());
        }
    }

    @Test
    void theClientCommandSaysInOneLineThatNothingIsListening() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        try (JarProcess client = JarProcess.start("client", "ws://127.0.0.1:" + closedPort + "/")) {
            assertEquals(3, client.awaitExit());
            assertEquals(1, client.stderr().size(), () -> "stderr: " + client.stderr());
            assertTrue(client.stderr().get(0).contains("cannot reach ws://127.0.0.1:" + closedPort + "/"));
            assertTrue(client.stdout().isEmpty());
        }
    }

    @Test
    void aBadPortOnTheCommandLineStopsStartupNamingTheSetting() throws Exception {
        try (JarProcess server = JarProcess.start("--port", "ninety")) {
            assertEquals(2, server.awaitExit());
            assertOneLineNaming(server, "--port");
        }
    }

    @Test
    void aBadPortInTheEnvironmentOrASystemPropertyIsRefusedTheSameWay() throws Exception {
        try (JarProcess fromEnv = JarProcess.start(List.of(), Map.of("CHORUS_PORT", "70000"));
                JarProcess fromProperty = JarProcess.start(List.of("-Dchorus.port=-5"), Map.of())) {
            assertEquals(2, fromEnv.awaitExit());
            assertOneLineNaming(fromEnv, "CHORUS_PORT");
            assertEquals(2, fromProperty.awaitExit());
            assertOneLineNaming(fromProperty, "chorus.port");
        }
    }

    @Test
    void aTakenPortStopsStartupWithOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                JarProcess server = JarProcess.start("--port", String.valueOf(taken.getLocalPort()))) {
            assertEquals(1, server.awaitExit());
            assertOneLineNaming(server, "cannot listen on 127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void sigtermClosesEveryClientWith1001AndExitsZero() throws Exception {
        try (JarProcess server = JarProcess.start("--port", "0")) {
            URI uri = startedAt(server);
            Peer first = Peer.join(uri);
            Peer second = Peer.join(uri);
            first.expect(Peer.GREETING);
            server.terminate();
            for (ChatClient client : List.of(first.client(), second.client())) {
                CloseReason reason = client.closed().get(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
                assertEquals(1001, reason.getCloseCode().getCode());
                assertEquals("server shutting down", reason.getReasonPhrase());
            }
            assertEquals(0, server.awaitExit(), () -> "stderr: " + server.stderr());
        }
    }

    @Test
    void theServerBindsOnlyTheHostItIsGiven() throws Exception {
        try (JarProcess server = JarProcess.start("--host", "127.0.0.2", "--port", "0")) {
            URI uri = startedAt(server);
            assertEquals("127.0.0.2", uri.getHost());
            try (Peer peer = Peer.join(uri)) {
                peer.sayAndLearnId("on 127.0.0.2");
            }
            URI elsewhere = URI.create("ws://127.0.0.1:" + uri.getPort() + "/");
            AssertionError refused = org.junit.jupiter.api.Assertions.assertThrows(
                    AssertionError.class, () -> Peer.connect(elsewhere).close());
            assertTrue(refused.getMessage().contains("cannot reach"), refused::getMessage);
        }
    }

    @Test
    void theHelpListsEverySettingWithItsPropertyAndVariable() throws Exception {
        try (JarProcess help = JarProcess.start("--help")) {
            assertEquals(0, help.awaitExit());
            String text = String.join("\n", help.stdout());
            for (Setting setting : Setting.values()) {
                assertTrue(text.contains(setting.option()), setting::option);
                assertTrue(text.contains(setting.environmentVariable()), setting::environmentVariable);
            }
            assertTrue(text.contains("client"), "the client command is listed");
        }
    }

    private static void assertOneLineNaming(JarProcess process, String name) {
        List<String> stderr = process.stderr();
        assertEquals(1, stderr.size(), () -> "one line expected, got: " + stderr);
        assertTrue(stderr.get(0).contains(name), () -> "should name " + name + ": " + stderr);
        assertFalse(stderr.get(0).contains("Exception"), () -> "no stack trace or exception name: " + stderr);
    }
}

package dev.chorus.page;

import static dev.chorus.page.ChatPage.joined;
import static dev.chorus.page.ChatPage.youJoined;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.testing.TestCertificates;
import dev.chorus.testing.TestServers;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The page over HTTPS: the launcher with the tests' self-signed certificate serves it at
 * {@code https://127.0.0.1:PORT/}, and Chromium, told to trust exactly that certificate's key (not every
 * certificate), talks to the socket over {@code wss://}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageOverTlsIT {

    @TempDir
    static Path directory;

    private static ChorusServer server;
    private static Browser alice;
    private static Browser bob;

    @BeforeAll
    static void start() throws Exception {
        TestCertificates identity = TestCertificates.create(directory, "server");
        server = TestServers.start(identity.keystoreSettings());
        List<String> trust = List.of("--ignore-certificate-errors-spki-list=" + identity.spkiSha256());
        alice = Browser.start(Browser.DESKTOP, trust);
        bob = Browser.start(Browser.DESKTOP, trust);
    }

    @AfterAll
    static void stop() {
        try {
            alice.close();
            bob.close();
        } finally {
            server.close();
        }
    }

    @Test
    void twoPagesServedOverHttpsChatOverWss() {
        assertEquals("https", server.pageUri().getScheme());
        ChatPage first = alice.open(server.pageUri());
        first.awaitState("Connected");
        assertEquals("wss://127.0.0.1:" + server.port() + "/", first.socketUrl());
        first.awaitLines(List.of(youJoined(1)));
        ChatPage second = bob.open(server.pageUri());
        second.awaitState("Connected");
        first.awaitLines(List.of(youJoined(1), joined(2)));

        second.say("over TLS");

        first.awaitLines(List.of(youJoined(1), joined(2), "Client(2) said: over TLS"));
        second.awaitLines(List.of(youJoined(2), "Client(2) said: over TLS"));
        first.awaitPresence(1, List.of("Client(1)", "Client(2)"));
    }
}

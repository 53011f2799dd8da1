package dev.chorus.page;

import static dev.chorus.page.ChatPage.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The page when the server goes away: it says how the connection closed, and comes back by itself. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageReconnectIT {

    private static final String SHUT_DOWN = "Closed: 1001 server shutting down | Reconnecting in 1 s";
    private static final String FIRST_RETRY_FAILED = "Closed: 1006 abnormal closure | Reconnecting in 2 s";

    private static Browser browser;
    /** The servers a test started and has not stopped itself; each is closed after the test. */
    private final List<ChorusServer> servers = new ArrayList<>();

    @BeforeAll
    static void startBrowser() throws Exception {
        browser = Browser.start(Browser.DESKTOP);
    }

    @AfterAll
    static void stopBrowser() {
        browser.close();
    }

    @BeforeEach
    void startServer() throws Exception {
        servers.add(TestServers.start(Map.of()));
    }

    @AfterEach
    void stopServers() {
        browser.leave();
        servers.forEach(ChorusServer::close);
    }

    private ChorusServer server() {
        return servers.get(0);
    }

    /** Stops the running server the way SIGTERM does: every client gets 1001, then the port is released. */
    private int stopServer() {
        ChorusServer server = servers.remove(0);
        int port = server.port();
        server.close();
        return port;
    }

    private ChatPage joinedPage() {
        ChatPage page = browser.open(server().pageUri());
        page.awaitState("Connected");
        page.awaitLines(List.of(GREETING));
        page.recordStatus();
        return page;
    }

    @Test
    void whenTheServerStopsThePageShowsTheCloseCodeAndReason() {
        ChatPage page = joinedPage();

        stopServer();

        page.awaitLines(List.of(GREETING, "Disconnected: 1001 server shutting down"));
        page.awaitStatusSeen(SHUT_DOWN);
    }

    @Test
    void afterARestartOnTheSamePortThePageReconnectsByItselfAndChatsAgain() throws Exception {
        ChatPage page = joinedPage();
        page.say("before the restart");
        page.awaitLines(List.of(GREETING, "Client(1) said: before the restart"));

        int port = stopServer();
        page.awaitStatusSeen(SHUT_DOWN);
        page.awaitStatusSeen(FIRST_RETRY_FAILED);
        servers.add(TestServers.start(Map.of(Setting.PORT, String.valueOf(port))));

        page.awaitState("Connected");
        page.awaitLines(List.of(
                GREETING,
                "Client(1) said: before the restart",
                "Disconnected: 1001 server shutting down",
                "Reconnected",
                GREETING));
        try (Peer peer = Peer.join(server().uri())) {
            page.say("after the restart");
            peer.expect("Client(1) said: after the restart");
        }
        page.awaitLines(List.of(
                GREETING,
                "Client(1) said: before the restart",
                "Disconnected: 1001 server shutting down",
                "Reconnected",
                GREETING,
                GREETING,
                "Client(1) said: after the restart"));
    }

    @Test
    void textTypedWhileDisconnectedStaysInTheBox() {
        ChatPage page = joinedPage();
        stopServer();
        page.awaitLines(List.of(GREETING, "Disconnected: 1001 server shutting down"));

        page.say("not sent yet");

        assertEquals("not sent yet", page.input().getDomProperty("value"));
        assertEquals(page.input(), page.focused());
    }
}

package dev.chorus.page;

import static dev.chorus.page.ChatPage.joined;
import static dev.chorus.page.ChatPage.left;
import static dev.chorus.page.ChatPage.youJoined;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Peer;
import dev.chorus.testing.TestServers;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The page when the server goes away: it says how the connection closed, and comes back by itself. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageReconnectIT {

    // The first wait is at most 1 s, shown as "1 s"; the second at most 2 s, so "1 s" or "2 s".
    private static final Pattern SHUT_DOWN =
            Pattern.compile(Pattern.quote("Closed: 1001 server shutting down | Reconnecting in 1 s"));
    private static final Pattern FIRST_RETRY_FAILED =
            Pattern.compile(Pattern.quote("Closed: 1006 abnormal closure | Reconnecting in ") + "[12] s");

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser();
    /** The servers a test started and has not stopped itself; each is closed after the test. */
    private final List<ChorusServer> servers = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        servers.add(TestServers.start(Map.of()));
    }

    @AfterEach
    void stopServers() {
        BROWSER.get().leave();
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
        ChatPage page = BROWSER.get().open(server().pageUri());
        page.awaitState("Connected");
        page.awaitLines(List.of(youJoined(1)));
        page.recordStatus();
        return page;
    }

    @Test
    void whenTheServerStopsThePageShowsTheCloseCodeAndReason() {
        ChatPage page = joinedPage();

        stopServer();

        page.awaitLines(List.of(youJoined(1), "Disconnected: 1001 server shutting down"));
        page.awaitStatusSeen(SHUT_DOWN);
    }

    @Test
    void afterARestartOnTheSamePortThePageReconnectsByItselfAndChatsAgain() throws Exception {
        ChatPage page = joinedPage();
        page.say("before the restart");
        page.awaitLines(List.of(youJoined(1), "Client(1) said: before the restart"));

        int port = stopServer();
        page.awaitStatusSeen(SHUT_DOWN);
        page.awaitStatusSeen(FIRST_RETRY_FAILED);
        servers.add(TestServers.start(Map.of(Setting.PORT, String.valueOf(port))));

        page.awaitState("Connected");
        // The new server counts from 1 again and has kept nothing: no gap, nothing replayed.
        page.awaitLines(List.of(
                youJoined(1),
                "Client(1) said: before the restart",
                "Disconnected: 1001 server shutting down",
                "Reconnected",
                youJoined(1)));
        try (Peer peer = Peer.join(server().uri())) {
            page.say("after the restart");
            peer.expect("Client(1) said: after the restart");
        }
        page.awaitLines(List.of(
                youJoined(1),
                "Client(1) said: before the restart",
                "Disconnected: 1001 server shutting down",
                "Reconnected",
                youJoined(1),
                joined(2),
                "Client(1) said: after the restart",
                left(2)));
    }

    @Test
    void textTypedWhileDisconnectedStaysInTheBox() {
        ChatPage page = joinedPage();
        stopServer();
        page.awaitLines(List.of(youJoined(1), "Disconnected: 1001 server shutting down"));

        page.say("not sent yet");

        assertEquals("not sent yet", page.input().getDomProperty("value"));
        assertEquals(page.input(), page.focused());
    }
}

package dev.chorus.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.testing.TestServers;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Where the page finds the socket: its own origin and directory, so it follows HTTPS and a WAR's context path.
 * The launcher serves only at "/", so the context path is checked through the page's URL rule itself.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageUrlIT {

    private static ChorusServer server;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(Map.of());
        browser = Browser.start(Browser.DESKTOP);
    }

    @AfterAll
    static void stop() {
        try {
            browser.close();
        } finally {
            server.close();
        }
    }

    @Test
    void thePageLoadedAsIndexHtmlTalksToTheSocketAtItsDirectory() {
        ChatPage page = browser.open(server.pageUri().resolve("/index.html"));

        page.awaitState("Connected");
        // The server is shared with the other tests here, so the page's id is whatever comes next.
        page.awaitLines(
                "its own join", lines -> lines.size() == 1 && lines.get(0).matches("You joined as Client\\(\\d+\\)"));
        assertEquals("ws://127.0.0.1:" + server.port() + "/", page.socketUrl());
    }

    @ParameterizedTest(name = "a page at {0} uses {1}")
    @CsvSource({
        "https://h:8443/chorus/, wss://h:8443/chorus/",
        "https://h:8443/chorus/index.html, wss://h:8443/chorus/",
        "http://h:8080/chorus/, ws://h:8080/chorus/",
        "http://h:8080/chat/index.html?room=1#latest, ws://h:8080/chat/",
        "https://chat.example.org/, wss://chat.example.org/",
        "http://127.0.0.1:9001/, ws://127.0.0.1:9001/",
        "http://[::1]:9001/a/b/, ws://[::1]:9001/a/b/",
    })
    void theSocketUrlKeepsTheOriginAndTheContextPath(String page, String socket) {
        ChatPage loaded = browser.open(server.pageUri());
        assertEquals(socket, loaded.socketUrlFor(page));
    }
}

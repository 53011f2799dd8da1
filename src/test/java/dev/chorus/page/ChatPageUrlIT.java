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
 * A room's page at {@code .../rooms/NAME/} talks to {@code .../rooms/NAME}. The launcher has no context path, so
 * the context path is checked through the page's URL rule itself.
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
        // The previous test's page may leave just after this one joined: only the first line is certain.
        page.awaitLines(
                "its own join", lines -> !lines.isEmpty() && lines.get(0).matches("You joined as Client\\(\\d+\\)"));
        assertEquals("ws://127.0.0.1:" + server.port() + "/", page.socketUrl());
    }

    @Test
    void thePageAtTheRootIsTheMainRooms() {
        ChatPage page = browser.open(server.pageUri());
        assertEquals("Main room (/)", page.room());
        assertEquals("Chorus", page.title());
    }

    @Test
    void aRoomsPageNamesItsRoomAndTalksToItsSocket() {
        ChatPage page = browser.open(server.pageUri().resolve("/rooms/Team-7/"));

        assertEquals("Room: Team-7", page.room());
        assertEquals("Team-7 · Chorus", page.title());
        assertEquals("ws://127.0.0.1:" + server.port() + "/rooms/Team-7", page.socketUrl());
    }

    @ParameterizedTest(name = "a page at {0} is in room {1}")
    @CsvSource({
        "http://h/, /",
        "http://h/chorus/, /",
        "http://h/rooms/lobby/, lobby",
        "http://h/chorus/rooms/lobby/index.html?x=1, lobby",
        "http://h/rooms/lobby, /",
        "http://h/rooms/lob.by/, /",
    })
    void theRoomIsTheOneItsAddressNames(String page, String room) {
        ChatPage loaded = browser.open(server.pageUri());
        assertEquals(room, loaded.run("return window.chorusRoomOf(new URL(arguments[0]))", page));
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
        "http://127.0.0.1:9001/rooms/lobby/, ws://127.0.0.1:9001/rooms/lobby",
        "https://h:8443/chorus/rooms/Team-7/index.html, wss://h:8443/chorus/rooms/Team-7",
        "http://h:8080/rooms/lob.by/, ws://h:8080/rooms/lob.by/",
        "http://h:8080/rooms/, ws://h:8080/rooms/",
    })
    void theSocketUrlKeepsTheOriginAndTheContextPath(String page, String socket) {
        ChatPage loaded = browser.open(server.pageUri());
        assertEquals(socket, loaded.socketUrlFor(page));
    }
}

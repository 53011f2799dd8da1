package dev.chorus.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chorus.chat.RoomDirectory;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.naming.RoomName;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rooms' pages on the real server: each page at {@code /rooms/NAME/} is in its own room, shows who is there by
 * name, and shows what was said there before it opened. One server for the class, each test in rooms of its own;
 * each browser's name is put in its storage before the room's page opens, as a previous visit would have left it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageRoomsIT {

    private static ChorusServer server;
    private static Browser alice;
    private static Browser bob;

    @BeforeAll
    static void start() throws Exception {
        server = TestServers.start(Map.of());
        alice = Browser.start(Browser.DESKTOP);
        bob = Browser.start(Browser.DESKTOP);
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

    @AfterEach
    void leave() {
        alice.leave();
        bob.leave();
    }

    /** Opens room {@code room}'s page in {@code browser}, whose reader chose the name {@code name} before. */
    private static ChatPage openAs(Browser browser, String name, String room) {
        browser.open(server.pageUri())
                .run(
                        "window.localStorage.setItem('chorus.name', arguments[0]);"
                                + "window.localStorage.setItem('chorus.name.asked', '1')",
                        name);
        ChatPage page = browser.open(server.pageUri().resolve("/rooms/" + room + "/"));
        page.awaitState("Connected");
        return page;
    }

    private static URI socket(String room, String name) {
        return server.uri().resolve("/rooms/" + room + "?name=" + name);
    }

    @Test
    void aMessageInOneRoomIsShownInThatRoomOnly() throws Exception {
        ChatPage red = openAs(alice, "alice", "red");
        ChatPage blue = openAs(bob, "bob", "blue");
        red.awaitLines(List.of("You joined as alice"));
        blue.awaitLines(List.of("You joined as bob"));
        assertEquals("Room: red", red.room());
        assertEquals("Room: blue", blue.room());

        blue.say("only in blue");
        blue.awaitLines(List.of("You joined as bob", "bob said: only in blue"));
        // Said after the blue message reached blue, so a copy sent to red would have come before it.
        try (V1Peer other = V1Peer.join(socket("red", "carol"))) {
            other.say("later, in red");
            red.awaitLines(List.of("You joined as alice", "carol joined", "carol said: later, in red"));
        }
        red.say("only in red");
        red.awaitLines("its own message", lines -> lines.contains("alice said: only in red"));
        assertFalse(blue.lines().contains("alice said: only in red"), () -> "blue shows " + blue.lines());
        assertEquals(List.of("alice"), red.members());
        assertEquals(List.of("bob"), blue.members());
    }

    @Test
    void twoPagesInARoomShowEachOtherByName() {
        ChatPage first = openAs(alice, "Alice Liddell", "tea");
        first.awaitLines(List.of("You joined as Alice Liddell"));
        ChatPage second = openAs(bob, "Hatter", "tea");
        second.awaitLines(List.of("You joined as Hatter"));
        first.awaitLines(List.of("You joined as Alice Liddell", "Hatter joined"));
        first.awaitMe("Alice Liddell");
        assertEquals(List.of("Alice Liddell", "Hatter"), first.members());
        assertEquals(List.of("Alice Liddell", "Hatter"), second.members());

        second.say("Have some wine");
        first.awaitLines(List.of("You joined as Alice Liddell", "Hatter joined", "Hatter said: Have some wine"));
        second.awaitLines(List.of("You joined as Hatter", "Hatter said: Have some wine"));
        assertEquals(List.of("Hatter said: Have some wine"), second.ownLines());
        assertEquals(List.of(), first.ownLines());

        bob.leave();
        first.awaitLines(
                List.of("You joined as Alice Liddell", "Hatter joined", "Hatter said: Have some wine", "Hatter left"));
        assertEquals(List.of("Alice Liddell"), first.members());
    }

    @Test
    void aSecondPageWithTheSameNameIsShownAsTheServerMadeItUnique() {
        ChatPage first = openAs(alice, "alice", "twins");
        first.awaitMe("alice");
        ChatPage second = openAs(bob, "Alice", "twins");

        second.awaitMe("Alice#2");
        first.awaitLines(List.of("You joined as alice", "Alice#2 joined"));
    }

    @Test
    void whatWasSaidInTheRoomBeforeThePageOpenedIsShownAndNothingFromOtherRooms() throws Exception {
        try (V1Peer herald = V1Peer.join(socket("news", "herald"));
                V1Peer elsewhere = V1Peer.join(socket("gossip", "crier"))) {
            herald.say("before you came");
            assertEquals("before you came", herald.nextSaid().getString("text"), herald::describeSeen);
            elsewhere.say("not for the news room");
            assertEquals("not for the news room", elsewhere.nextSaid().getString("text"), elsewhere::describeSeen);

            ChatPage page = openAs(alice, "reader", "news");

            page.awaitLines(List.of("herald said: before you came", "You joined as reader"));
            herald.say("and after");
            page.awaitLines(List.of("herald said: before you came", "You joined as reader", "herald said: and after"));
        }
    }

    @Test
    void theServersOwnMessageIsShownAsTheServersAndNotAsTheReaders() {
        ChatPage page = openAs(alice, "listener", "announcements");
        page.awaitLines(List.of("You joined as listener"));

        assertEquals(
                RoomDirectory.Published.ACCEPTED,
                server.room()
                        .directory()
                        .publish(RoomName.parse("announcements").orElseThrow(), "<b>doors close</b>"));

        page.awaitLines(List.of("You joined as listener", "server said: <b>doors close</b>"));
        assertEquals(List.of(), page.ownLines());
        assertEquals(1L, page.run("return document.querySelectorAll('#log .line.from-server').length"));
    }
}

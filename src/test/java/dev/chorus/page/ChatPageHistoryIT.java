package dev.chorus.page;

import static dev.chorus.page.ChatPage.joined;
import static dev.chorus.page.ChatPage.youJoined;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What the page shows of the conversation around its own part in it: the room's recent messages when it first
 * joins, before its join, each once; and its own messages, marked for the eye and for screen readers. Each test
 * has its own server, so ids start at 1.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageHistoryIT {

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser();

    private ChorusServer server;

    @BeforeEach
    void startServer() throws Exception {
        server = TestServers.start(Map.of());
    }

    @AfterEach
    void stopServer() {
        BROWSER.get().leave();
        server.close();
    }

    @Test
    void whatWasSaidBeforeThePageOpenedIsShownBeforeItsJoinOnceEach() throws Exception {
        try (V1Peer talker = V1Peer.join(server.uri())) {
            for (String text : List.of("first", "second")) {
                talker.say(text);
                assertEquals(text, talker.nextSaid().getString("text"), talker::describeSeen);
            }

            ChatPage page = BROWSER.get().open(server.pageUri());
            page.awaitLines(List.of("Client(1) said: first", "Client(1) said: second", youJoined(2)));

            talker.say("after the join");
            page.awaitLines(List.of(
                    "Client(1) said: first", "Client(1) said: second", youJoined(2), "Client(1) said: after the join"));
        }
    }

    @Test
    void aPageInAnEmptyRoomShowsOnlyItsJoin() throws Exception {
        ChatPage page = BROWSER.get().open(server.pageUri());
        page.awaitLines(List.of(youJoined(1)));
        page.say("now there is history");
        page.awaitLines(List.of(youJoined(1), "Client(1) said: now there is history"));
    }

    @Test
    void thePagesOwnMessagesAreMarkedForTheEyeAndForScreenReaders() throws Exception {
        ChatPage page = BROWSER.get().open(server.pageUri());
        page.awaitLines(List.of(youJoined(1)));
        try (V1Peer other = V1Peer.join(server.uri())) {
            page.awaitLines(List.of(youJoined(1), joined(2)));
            page.say("mine");
            page.awaitLines(List.of(youJoined(1), joined(2), "Client(1) said: mine"));
            other.say("theirs");
            page.awaitLines(List.of(youJoined(1), joined(2), "Client(1) said: mine", "Client(2) said: theirs"));
        }

        assertEquals(List.of("Client(1) said: mine"), page.ownLines());
        assertEquals(List.of("you"), page.ownTagsSeen());
        assertEquals(List.of("(your message)"), page.ownTagsRead());
    }
}

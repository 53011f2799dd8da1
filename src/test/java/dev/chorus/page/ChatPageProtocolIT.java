package dev.chorus.page;

import static dev.chorus.page.ChatPage.GREETING;
import static dev.chorus.page.ChatPage.joined;
import static dev.chorus.page.ChatPage.left;
import static dev.chorus.page.ChatPage.youJoined;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.chorus.benchmark.NaiveEndpoint;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Awaits;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RedisServer;
import dev.chorus.testing.SentAway;
import dev.chorus.testing.TestServers;
import dev.chorus.testing.V1Peer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page speaking chorus.v1: its id and the members, recovery of what it missed after losing its
 * connection, the tutorial clients beside it, and plain text where the server does not speak chorus.v1. Each
 * test starts its own server, so ids start at 1.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ChatPageProtocolIT {

    private static final String SENT_AWAY = "Disconnected: 1001 disconnected by operator";

    @RegisterExtension
    static final SharedBrowser BROWSER = new SharedBrowser();

    /** For the one test whose server is a node of a cluster. */
    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private ChorusServer server;

    @AfterEach
    void stopServer() {
        BROWSER.get().leave();
        if (server != null) {
            server.close();
        }
    }

    private ChatPage joinedPage(Map<Setting, String> settings) throws Exception {
        server = TestServers.start(settings);
        ChatPage page = BROWSER.get().open(server.pageUri());
        page.awaitState("Connected");
        page.awaitLines(List.of(youJoined(1)));
        return page;
    }

    @Test
    void thePageShowsItsIdAndTheMembersAsOthersJoinAndLeave() throws Exception {
        ChatPage page = joinedPage(Map.of());
        page.awaitPresence(1, List.of("Client(1)"));

        V1Peer second = V1Peer.join(server.uri());
        page.awaitPresence(1, List.of("Client(1)", "Client(2)"));
        Peer third = Peer.join(server.uri());
        page.awaitPresence(1, List.of("Client(1)", "Client(2)", "Client(3)"));

        second.close();
        page.awaitPresence(1, List.of("Client(1)", "Client(3)"));
        third.close();
        page.awaitPresence(1, List.of("Client(1)"));
        page.awaitLines(List.of(youJoined(1), joined(2), joined(3), left(2), left(3)));
    }

    @Test
    void afterLosingItsConnectionThePageShowsExactlyWhatItMissedOnceEachInOrder() throws Exception {
        ChatPage page = joinedPage(Map.of());
        try (V1Peer talker = V1Peer.join(server.uri())) {
            page.say("before");
            assertEquals("before", talker.nextSaid().getString("text"));

            List<String> missed = awayWhile(talker, 10);

            List<String> expected = new ArrayList<>(
                    List.of(youJoined(1), joined(2), "Client(1) said: before", SENT_AWAY, "Reconnected", youJoined(3)));
            expected.addAll(missed);
            page.awaitLines(expected);
            page.awaitPresence(3, List.of("Client(2)", "Client(3)"));

            talker.say("live again");
            expected.add("Client(2) said: live again");
            page.awaitLines(expected);
        }
    }

    @Test
    void whatTheServerNoLongerKeepsIsShownAsAGapWithItsCount() throws Exception {
        ChatPage page = joinedPage(Map.of(Setting.HISTORY, "3"));
        try (V1Peer talker = V1Peer.join(server.uri())) {
            List<String> missed = awayWhile(talker, 10);

            List<String> expected = new ArrayList<>(List.of(youJoined(1), joined(2), SENT_AWAY, "Reconnected"));
            expected.add(youJoined(3));
            expected.add("Missed 7 messages that could not be recovered");
            expected.addAll(missed.subList(7, 10));
            page.awaitLines(expected);
        }
    }

    @Test
    void aSaidMessageWithoutASeqIsShownAndLeavesThePagesPlaceInTheConversationAlone() throws Exception {
        // A node of a cluster: what is said while it is cut off from Redis reaches its clients without a seq.
        ChatPage page = joinedPage(Map.of(Setting.REDIS, REDIS.uri().toString()));
        try (V1Peer talker = V1Peer.join(server.uri())) {
            page.say("numbered");
            assertEquals(1, talker.nextSaid().getInt("seq"));
            REDIS.kill();
            talker.say("cut off");
            assertFalse(talker.nextSaid().containsKey("seq"), talker::describeSeen);
            REDIS.start();
            Awaits.until(() -> server.room().admission().refusal().isEmpty(), () -> "the node reaches Redis again");

            // The page asks for what came after seq 1 and gets exactly that.
            List<String> missed = awayWhile(talker, 2);

            List<String> expected = new ArrayList<>(List.of(
                    youJoined(1),
                    joined(2),
                    "Client(1) said: numbered",
                    "Client(2) said: cut off",
                    SENT_AWAY,
                    "Reconnected",
                    youJoined(3)));
            expected.addAll(missed);
            page.awaitLines(expected);
        }
    }

    @Test
    void aReplayWithAHoleAfterItsGapIsShownWholeAndTheNextReconnectAsksFromItsEnd() throws Exception {
        HoleyReplayEndpoint.SINCES.clear();
        server = ChorusServer.start(TestServers.settings(Map.of()), HoleyReplayEndpoint.class);
        ChatPage page = BROWSER.get().open(server.pageUri());
        String closed = "Disconnected: 1001 " + HoleyReplayEndpoint.CLOSED;

        page.awaitLines(List.of(
                youJoined(1),
                "Client(9) said: three",
                closed,
                "Reconnected",
                youJoined(1),
                "Missed 2 messages that could not be recovered",
                "Client(9) said: four",
                "Client(9) said: seven",
                closed,
                "Reconnected",
                youJoined(1)));
        assertEquals(List.of("", "3", "7"), List.copyOf(HoleyReplayEndpoint.SINCES));
    }

    /**
     * Sends the page (Client(1)) away, has {@code talker} say {@code count} messages and hear each back (so the
     * server has them), then lets the page back in; returns the lines the page should show for them.
     */
    private List<String> awayWhile(V1Peer talker, int count) throws Exception {
        List<String> lines = IntStream.rangeClosed(1, count)
                .mapToObj(i -> "Client(" + talker.id() + ") said: missed " + i)
                .toList();
        SentAway away = SentAway.client(server, 1);
        try {
            talker.awaitPresence("left", 1);
            for (int i = 1; i <= count; i++) {
                talker.say("missed " + i);
                assertEquals("missed " + i, talker.nextSaid().getString("text"));
            }
        } finally {
            away.close();
        }
        return lines;
    }

    @Test
    void aTutorialClientBesideThePageSeesOnlyTheTutorialsText() throws Exception {
        server = TestServers.start(Map.of());
        try (Peer tutorial = Peer.join(server.uri())) {
            ChatPage page = BROWSER.get().open(server.pageUri());
            page.awaitState("Connected");
            page.awaitLines(List.of(youJoined(2)));
            tutorial.expect(GREETING);
            page.say("hello, tutorial");
            tutorial.expect("Client(2) said: hello, tutorial");

            try (V1Peer watcher = V1Peer.join(server.uri())) {
                tutorial.expect(GREETING);
                BROWSER.get().leave();
                watcher.awaitPresence("left", 2);
            }
            tutorial.say("anyone?");
            // The page's leave came before this line and sent the tutorial client nothing.
            tutorial.expect("Client(1) said: anyone?");
        }
    }

    @Test
    void onAServerThatDoesNotSpeakChorusV1ThePageChatsInTheTutorialsPlainText() throws Exception {
        server = ChorusServer.start(TestServers.settings(Map.of()), NaiveEndpoint.class);
        ChatPage page = BROWSER.get().open(server.pageUri());
        page.awaitState("Connected");
        page.awaitLines(List.of(GREETING));
        assertFalse(page.presenceShown(), "no id or members without chorus.v1");

        page.say("{\"plain\": true}");

        page.awaitLines(
                "the text sent as it is, not as a chorus.v1 command",
                lines -> lines.size() == 2 && lines.get(1).matches("Client\\(\\d+\\) said: \\{\"plain\": true}"));
        assertFalse(page.presenceShown());
    }
}

package dev.chorus.contract;

import static dev.chorus.testing.Peer.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.V1Peer;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chorus.v1 protocol, written once: negotiation, the welcome and presence, said-messages with seqs,
 * history, recovery with {@code ?since=}, and a tutorial client in the same room that sees none of it. A
 * deployment runs it by implementing {@link #chatUri()}. Seqs are compared with each other, never with
 * fixed numbers, because the tests share one server.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public interface ProtocolContract {

    /** The chat socket, e.g. {@code ws://127.0.0.1:PORT/} or {@code ws://127.0.0.1:PORT/chorus/}. */
    URI chatUri();

    /** How many said-messages the server under test keeps ({@code --history}). */
    default int historySize() {
        return 100;
    }

    @Test
    default void aClientOfferingChorusV1GetsItAndIsWelcomedWithItsIdAmongTheMembers() throws Exception {
        try (V1Peer peer = V1Peer.connect(chatUri())) {
            assertEquals("chorus.v1", peer.subprotocol());
            JsonObject welcome = peer.welcome();
            assertTrue(members(welcome).contains(welcome.getInt("id")), welcome::toString);
            assertTrue(seq(welcome) >= 0, welcome::toString);
        }
    }

    @Test
    default void chorusV1IsChosenWhenTheClientOffersItAfterOthers() throws Exception {
        try (V1Peer peer = V1Peer.offering(chatUri(), "chat.unknown", "chorus.v1")) {
            assertEquals("chorus.v1", peer.subprotocol());
            peer.welcome();
        }
    }

    @Test
    default void aClientThatOffersNoSubprotocolGetsTheTutorialsText() throws Exception {
        try (V1Peer plain = V1Peer.offering(chatUri())) {
            assertEquals("", plain.subprotocol());
            assertEquals(GREETING, plain.nextText());
            plain.send("Hello, world!");
            assertTrue(plain.nextText().matches("Client\\(\\d+\\) said: Hello, world!"), plain::describeSeen);
        }
    }

    @Test
    default void saidMessagesReachEveryoneTheSenderIncludedWithConsecutiveSeqs() throws Exception {
        try (V1Peer a = V1Peer.join(chatUri());
                V1Peer b = V1Peer.join(chatUri())) {
            a.say("one");
            a.say("two ä € 😀 \"quoted\"\n");
            for (V1Peer peer : List.of(a, b)) {
                JsonObject one = peer.nextSaid();
                JsonObject two = peer.nextSaid();
                assertEquals(a.id(), one.getInt("from"));
                assertEquals("one", one.getString("text"));
                assertEquals("two ä € 😀 \"quoted\"\n", two.getString("text"));
                assertEquals(seq(one) + 1, seq(two), peer::describeSeen);
            }
        }
    }

    @Test
    default void theWelcomeListsWhoIsPresentAndJoinsAndLeavesAreEvents() throws Exception {
        try (V1Peer a = V1Peer.join(chatUri())) {
            V1Peer b = V1Peer.connect(chatUri());
            JsonObject welcomeB = b.welcome();
            int idB = welcomeB.getInt("id");
            assertTrue(members(welcomeB).containsAll(List.of(a.id(), idB)), welcomeB::toString);
            a.awaitPresence("joined", idB);
            b.close();
            a.awaitPresence("left", idB);
            try (V1Peer c = V1Peer.connect(chatUri())) {
                JsonObject welcomeC = c.welcome();
                List<Integer> present = members(welcomeC);
                assertTrue(present.containsAll(List.of(a.id(), welcomeC.getInt("id"))), welcomeC::toString);
                assertFalse(present.contains(idB), () -> "left, yet listed: " + welcomeC);
                a.awaitPresence("joined", welcomeC.getInt("id"));
            }
        }
    }

    @Test
    default void aTutorialClientInTheSameRoomSeesOnlyTheTutorialsText() throws Exception {
        try (V1Peer plain = V1Peer.offering(chatUri())) {
            // Greeted before the next client connects, so that one joins after it (a 101 alone does not say so).
            assertEquals(GREETING, plain.nextText());
            try (V1Peer a = V1Peer.connect(chatUri())) {
                int idA = a.welcome().getInt("id");
                assertEquals(GREETING, plain.nextText(), "a chorus.v1 client's join greets tutorial clients");
                a.say("hi from v1");
                a.nextSaid();
                assertEquals("Client(" + idA + ") said: hi from v1", plain.nextText());
                plain.send("hi from the tutorial");
                JsonObject heard = a.nextSaid();
                assertEquals("hi from the tutorial", heard.getString("text"));
                assertEquals("Client(" + heard.getInt("from") + ") said: hi from the tutorial", plain.nextText());
                V1Peer b = V1Peer.join(chatUri());
                assertEquals(GREETING, plain.nextText());
                b.close();
                a.awaitPresence("left", b.id());
                a.say("after the leave");
                assertEquals(
                        "Client(" + idA + ") said: after the leave",
                        plain.nextText(),
                        "a tutorial client hears nothing when someone leaves");
            }
        }
    }

    @Test
    default void aClientThatReconnectsGetsExactlyTheTenItMissedThenLiveOnesWithoutDuplicates() throws Exception {
        int missed = Math.min(10, historySize());
        try (V1Peer a = V1Peer.join(chatUri())) {
            long last = lastSeqSeenBy(a, "before the break");
            for (int i = 1; i <= missed; i++) {
                a.say("missed " + i);
            }
            for (int i = 1; i <= missed; i++) {
                assertEquals(last + i, seq(a.nextSaid()));
            }
            try (V1Peer back = V1Peer.reconnect(chatUri(), last)) {
                assertEquals(last + missed, seq(back.welcome()));
                for (int i = 1; i <= missed; i++) {
                    JsonObject said = back.nextSaid();
                    assertEquals(last + i, seq(said), back::describeSeen);
                    assertEquals("missed " + i, said.getString("text"));
                }
                a.say("live");
                JsonObject live = back.nextSaid();
                assertEquals(last + missed + 1, seq(live), back::describeSeen);
                assertEquals("live", live.getString("text"));
            }
        }
    }

    @Test
    default void aClientThatReconnectsWhileOthersTalkMissesNothingAndHearsNothingTwice() throws Exception {
        try (V1Peer a = V1Peer.join(chatUri())) {
            long last = lastSeqSeenBy(a, "before the break");
            int count = Math.min(60, historySize() - 1); // and "end": all of it kept, so no gap
            CompletableFuture<Void> talking = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 0; i < count; i++) {
                        a.say("during " + i);
                    }
                    a.say("end");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try (V1Peer back = V1Peer.reconnect(chatUri(), last)) {
                back.welcome();
                long expected = last + 1;
                for (String text = ""; !text.equals("end"); expected++) {
                    JsonObject said = back.nextSaid();
                    assertEquals(expected, seq(said), back::describeSeen);
                    text = said.getString("text");
                }
                assertEquals(last + count + 2, expected, back::describeSeen);
                talking.get(10, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    default void aClientThatMissedMoreThanTheHistoryKeepsGetsAGapWithTheCountThenWhatIsKept() throws Exception {
        int lost = 7;
        int sent = historySize() + lost;
        // Two senders take turns, each waiting for the last line to come round, so neither crosses the
        // default message rate limit (bursts of 100) and the order stays the order of the loop.
        try (V1Peer a = V1Peer.join(chatUri());
                V1Peer b = V1Peer.join(chatUri())) {
            long last = lastSeqSeenBy(a, "before the break");
            for (int i = 1; i <= sent; i++) {
                (i % 2 == 1 ? a : b).say("missed " + i);
                assertEquals("missed " + i, a.nextSaid().getString("text"), a::describeSeen);
            }
            try (V1Peer back = V1Peer.reconnect(chatUri(), last)) {
                assertEquals(last + sent, seq(back.welcome()));
                JsonObject gap = back.nextChat();
                assertEquals("gap", gap.getString("type"), back::describeSeen);
                assertEquals(lost, gap.getJsonNumber("missed").longValue());
                for (int i = lost + 1; i <= sent; i++) {
                    JsonObject said = back.nextSaid();
                    assertEquals(last + i, seq(said), back::describeSeen);
                    assertEquals("missed " + i, said.getString("text"));
                }
                a.say("live");
                assertEquals(last + sent + 1, seq(back.nextSaid()), back::describeSeen);
            }
        }
    }

    @Test
    default void theHistoryCommandAnswersWithTheNewestSaidMessagesOldestFirst() throws Exception {
        try (V1Peer a = V1Peer.join(chatUri())) {
            long last = lastSeqSeenBy(a, "h0");
            a.say("h1");
            a.say("h2");
            a.nextSaid();
            a.nextSaid();
            a.askHistory();
            JsonObject history = a.nextChat();
            assertEquals("history", history.getString("type"), a::describeSeen);
            JsonArray messages = history.getJsonArray("messages");
            assertTrue(messages.size() >= 3 && messages.size() <= historySize(), history::toString);
            List<JsonObject> tail =
                    messages.getValuesAs(JsonObject.class).subList(messages.size() - 3, messages.size());
            for (int i = 0; i < 3; i++) {
                assertEquals("said", tail.get(i).getString("type"));
                assertEquals(last + i, seq(tail.get(i)));
                assertEquals("h" + i, tail.get(i).getString("text"));
            }
        }
    }

    @Test
    default void binaryFromAChorusV1ClientReachesEveryoneAsTheSameBytes() throws Exception {
        try (V1Peer a = V1Peer.join(chatUri());
                V1Peer b = V1Peer.join(chatUri())) {
            byte[] bytes = {0, 1, 2, (byte) 0xFF, 'h', 'i'};
            a.send(ByteBuffer.wrap(bytes));
            for (V1Peer peer : List.of(a, b)) {
                Object message = peer.next();
                while (message instanceof String) {
                    message = peer.next(); // presence events before it
                }
                assertEquals(ByteBuffer.wrap(bytes), message);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "hello",
                "",
                "[1,2]",
                "{\"text\":\"no type\"}",
                "{\"type\":\"say\"}",
                "{\"type\":\"say\",\"text\":5}"
            })
    default void textThatIsNotACommandClosesTheClientWith1007(String text) throws Exception {
        try (V1Peer peer = V1Peer.join(chatUri())) {
            peer.send(text);
            assertEquals(new V1Peer.Closed(1007, "invalid chorus.v1 command"), peer.awaitClose());
        }
    }

    @Test
    default void anUnknownCommandClosesTheClientWith1003() throws Exception {
        try (V1Peer peer = V1Peer.join(chatUri())) {
            peer.send("{\"type\":\"dance\"}");
            assertEquals(new V1Peer.Closed(1003, "unknown chorus.v1 command"), peer.awaitClose());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "1.5"})
    default void anInvalidSinceClosesTheClientWith1008(String since) throws Exception {
        try (V1Peer peer = V1Peer.connect(URI.create(chatUri() + "?since=" + since))) {
            assertEquals(new V1Peer.Closed(1008, "invalid since"), peer.awaitClose());
        }
    }

    /** Says {@code text} and returns its seq, as {@code peer} saw it: the "since" to reconnect with. */
    private static long lastSeqSeenBy(V1Peer peer, String text) throws Exception {
        peer.say(text);
        JsonObject said = peer.nextSaid();
        assertEquals(text, said.getString("text"), peer::describeSeen);
        return seq(said);
    }

    private static long seq(JsonObject event) {
        return event.getJsonNumber("seq").longValue();
    }

    private static List<Integer> members(JsonObject welcome) {
        return welcome.getJsonArray("members").getValuesAs(JsonNumber.class).stream()
                .map(JsonNumber::intValue)
                .toList();
    }
}

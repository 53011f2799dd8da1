package dev.chorus.contract;

import static dev.chorus.testing.Peer.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chorus.testing.Peer;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rooms, written once: {@code /rooms/NAME} is a chat of its own, by the tutorial's rules, beside the tutorial's
 * room at the root. A deployment runs it by implementing {@link #chatUri()} (the root room's socket). Each test
 * uses rooms of its own, so tests sharing a deployment do not hear each other.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public interface RoomsContract {

    /** The tutorial room's socket, e.g. {@code ws://127.0.0.1:PORT/} or {@code ws://127.0.0.1:PORT/chorus/}. */
    URI chatUri();

    /** The socket of a room no other test uses, named {@code prefix-…}. */
    default URI freshRoom(String prefix) {
        return chatUri()
                .resolve("rooms/" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    @Test
    default void twoRoomsHearOnlyTheirOwnJoinsAndMessagesAndTheTutorialRoomHearsNeither() throws Exception {
        URI a = freshRoom("a");
        URI b = freshRoom("b");
        try (Peer inRoot = Peer.join(chatUri());
                Peer inB = Peer.join(b);
                Peer firstInA = Peer.join(a);
                Peer secondInA = Peer.join(a)) {
            firstInA.expect(GREETING); // the second's join, in its own room
            int id = firstInA.sayAndLearnId("only for room a", secondInA);
            // Had anything of room a reached them, it would have come before their own line.
            int idInB = inB.sayAndLearnId("only for room b");
            int idInRoot = inRoot.sayAndLearnId("only for the root room");
            assertEquals(3, new HashSet<>(List.of(id, idInB, idInRoot)).size(), "ids are unique across rooms");
            assertNotEquals(id, secondInA.sayAndLearnId("room a again", firstInA));
        }
    }

    @Test
    default void binaryStaysInItsRoom() throws Exception {
        URI a = freshRoom("bin-a");
        URI b = freshRoom("bin-b");
        try (Peer inB = Peer.join(b);
                Peer sender = Peer.join(a);
                Peer hearer = Peer.join(a)) {
            sender.expect(GREETING);
            sender.send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), hearer.nextBinary());
            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), sender.nextBinary());
            inB.sayAndLearnId("nothing binary came first");
        }
    }

    @Test
    default void aChorusV1WelcomeNamesTheRoomAndEveryNameIsMadeUniqueInIt() throws Exception {
        URI room = freshRoom("names");
        String name = room.getPath().substring(room.getPath().lastIndexOf('/') + 1);
        try (V1Peer alice = V1Peer.connect(URI.create(room + "?name=alice"));
                V1Peer second = V1Peer.connect(URI.create(room + "?name=Alice"))) {
            JsonObject welcome = alice.welcome();
            assertEquals(name, welcome.getString("room"));
            assertEquals("alice", welcome.getString("name"));
            JsonObject secondWelcome = second.welcome();
            assertEquals("Alice#2", secondWelcome.getString("name"), "names are unique without regard to case");
            assertEquals("alice", secondWelcome.getJsonObject("names").getString(Integer.toString(alice.id())));
            JsonObject joined = alice.awaitPresence("joined", second.id());
            assertEquals("Alice#2", joined.getString("name"));
            second.say("hi");
            JsonObject said = alice.nextSaid();
            assertEquals("Alice#2", said.getString("name"));
            assertEquals(second.id(), said.getInt("from"));
        }
    }

    @Test
    default void eachRoomNumbersItsOwnMessagesAndAReconnectReplaysFromItsOwnHistory() throws Exception {
        URI p = freshRoom("seq-p");
        URI q = freshRoom("seq-q");
        try (V1Peer inP = V1Peer.connect(p);
                V1Peer inQ = V1Peer.join(q)) {
            assertEquals(0, inP.welcome().getInt("seq"));
            inP.say("p one");
            assertEquals(1, inP.nextSaid().getInt("seq"));
            inP.say("p two");
            assertEquals(2, inP.nextSaid().getInt("seq"));
            inQ.say("q one");
            JsonObject inRoomQ = inQ.nextSaid();
            assertEquals(1, inRoomQ.getInt("seq"), "a room counts its own messages");
            assertEquals("q one", inRoomQ.getString("text"));
        }
        try (V1Peer back = V1Peer.reconnect(p, 1)) {
            JsonObject welcome = back.welcome();
            assertEquals(2, welcome.getInt("seq"));
            JsonObject replayed = back.nextSaid();
            assertEquals(2, replayed.getInt("seq"));
            assertEquals("p two", replayed.getString("text"));
            back.askHistory();
            JsonObject history = back.next("history");
            assertEquals(
                    List.of("p one", "p two"),
                    history.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                            .map(m -> m.getString("text"))
                            .toList());
        }
    }

    @Test
    default void theTutorialRoomsWelcomeIsTheRootRoom() throws Exception {
        try (V1Peer peer = V1Peer.connect(chatUri())) {
            JsonObject welcome = peer.welcome();
            assertEquals("/", welcome.getString("room"));
            assertFalse(welcome.containsKey("missing"));
        }
    }
}

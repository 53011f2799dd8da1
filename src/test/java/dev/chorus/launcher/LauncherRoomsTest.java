package dev.chorus.launcher;

import static dev.chorus.testing.Peer.GREETING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.chat.RoomDirectory;
import dev.chorus.contract.ChatContract;
import dev.chorus.contract.RoomsContract;
import dev.chorus.naming.RoomName;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Awaits;
import dev.chorus.testing.Handshake;
import dev.chorus.testing.Launched;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.V1Peer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Rooms on the launcher: the rooms contract, the tutorial's chat contract inside a room, the log lines, the limit. */
class LauncherRoomsTest implements RoomsContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of());

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Test
    void aNamedClientInARoomIsLoggedWithItsNameAndRoom() throws Exception {
        URI room = chatUri().resolve("rooms/logged");
        Peer peer = Peer.connect(URI.create(room + "?name=bob"));
        peer.expect(GREETING);
        int id = peer.sayAndLearnId("Hello, room!");
        log.await("New client connected to room logged and was given id " + id + " [bob]");
        log.await("Client(" + id + ") [bob] in room logged said: Hello, room!");
        peer.close();
        log.await("Client(" + id + ") [bob] in room logged disconnected");
    }

    @Test
    void whatTheServerSaysInARoomReachesItsTutorialClientsAsTextAndItsV1ClientsAsASaidFromTheServer() throws Exception {
        RoomName name = RoomName.parse("announcements").orElseThrow();
        URI room = chatUri().resolve("rooms/" + name);
        try (Peer tutorial = Peer.join(room);
                V1Peer v1 = V1Peer.join(room);
                Peer elsewhere = Peer.join(chatUri())) {
            assertEquals(
                    RoomDirectory.Published.ACCEPTED,
                    LAUNCHER.server().room().directory().publish(name, "doors close at ten"));
            tutorial.expect(GREETING); // the chorus.v1 client's join
            tutorial.expect("doors close at ten");
            JsonObject said = v1.nextSaid();
            assertEquals(0, said.getInt("from"));
            assertEquals("server", said.getString("name"));
            assertEquals("doors close at ten", said.getString("text"));
            assertEquals(1, said.getInt("seq"));
            elsewhere.sayAndLearnId("the root room heard nothing of it");
            assertEquals(
                    Map.of(name, 2),
                    Map.of(name, LAUNCHER.server().room().directory().rooms().get(name)));
        }
    }

    /** The tutorial's whole chat contract, in a room instead of at the root. */
    @Nested
    class TheTutorialInARoom implements ChatContract {
        @Override
        public URI chatUri() {
            return LAUNCHER.uri().resolve("rooms/tutorial");
        }
    }

    /** With --room-keep 300ms an empty room is forgotten, history and all, soon after its last member left. */
    @Nested
    class AfterTheRoomKeep {

        @RegisterExtension
        static final Launched keeping = new Launched(Map.of(Setting.ROOM_KEEP, "300ms"));

        @Test
        void anEmptyRoomIsForgottenAndItsPlaceUnderTheLimitComesBack() throws Exception {
            RoomName brief = RoomName.parse("brief").orElseThrow();
            RoomDirectory rooms = keeping.server().room().directory();
            try (V1Peer peer = V1Peer.join(keeping.uri().resolve("rooms/brief"))) {
                peer.say("soon forgotten");
                assertEquals(1, peer.nextSaid().getInt("seq"));
                assertTrue(rooms.rooms().containsKey(brief));
            }
            Awaits.until(() -> !rooms.rooms().containsKey(brief), () -> "rooms held: " + rooms.rooms());
            assertEquals(List.of(RoomName.ROOT), List.copyOf(rooms.rooms().keySet()));
            try (V1Peer back = V1Peer.connect(keeping.uri().resolve("rooms/brief"))) {
                assertEquals(0, back.welcome().getInt("seq"), "its history went with it");
            }
        }
    }

    /** With --max-rooms 2 the root room and one more: a third room is refused, a room already held is not. */
    @Nested
    class AtTheRoomLimit {

        @RegisterExtension
        static final Launched limited = new Launched(Map.of(Setting.MAX_ROOMS, "2"));

        @Test
        void aClientAskingForOneRoomTooManyIsRefusedBeforeTheUpgrade() throws Exception {
            try (Peer held = Peer.join(limited.uri().resolve("rooms/one"))) {
                Handshake refused = Handshake.attempt(limited.uri().resolve("rooms/two"));
                assertEquals(503, refused.status(), refused::head);
                assertTrue(refused.header("Retry-After").isPresent(), refused::head);
                try (Peer same = Peer.join(limited.uri().resolve("rooms/one"))) {
                    held.expect(GREETING);
                    same.sayAndLearnId("in the room already held", held);
                }
            }
        }
    }
}

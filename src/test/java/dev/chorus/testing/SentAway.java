package dev.chorus.testing;

import dev.chorus.chat.ChatRoom;
import dev.chorus.connection.Connection;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.Session;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one client of the launcher running in this JVM away from the room while the others talk: maintenance
 * on (new clients get 503, so it cannot come back yet), then that client alone is closed from the server side
 * with {@code 1001 disconnected by operator}. Closing this object turns maintenance off again, so the client's
 * next reconnect attempt gets in. No timing is involved: it stays away exactly until the test lets it back.
 */
public final class SentAway implements AutoCloseable {

    private final ChatRoom room;

    private SentAway(ChatRoom room) {
        this.room = room;
    }

    /** Sends client {@code id} of {@code server} away; it may come back once the result is closed. */
    public static SentAway client(ChorusServer server, int id) {
        ChatRoom room = server.room();
        room.admission().maintenance(true);
        List<Session> found = new ArrayList<>();
        room.audience().forEach(session -> Connection.of(session)
                .filter(member -> member.hasId() && member.id() == id)
                .ifPresent(member -> found.add(session)));
        if (found.size() != 1) {
            room.admission().maintenance(false);
            throw new AssertionError("no single member Client(" + id + ") to send away: " + found);
        }
        room.audience().dismiss(found.get(0), CloseReasons.OPERATOR_GOING_AWAY);
        return new SentAway(room);
    }

    /** Lets clients in again. */
    @Override
    public void close() {
        room.admission().maintenance(false);
    }
}

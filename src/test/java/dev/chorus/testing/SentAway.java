package dev.chorus.testing;

import dev.chorus.broadcast.Audience;
import dev.chorus.chat.ChatRoom;
import dev.chorus.chat.Member;
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

    /** Sends client {@code id} away; it may come back once the result is closed. */
    public static SentAway client(int id) {
        ChatRoom room = ChatRoom.current();
        room.admission().maintenance(true);
        List<Session> found = new ArrayList<>();
        Audience.forEach(session ->
                Member.of(session).filter(member -> member.id() == id).ifPresent(member -> found.add(session)));
        if (found.size() != 1) {
            room.admission().maintenance(false);
            throw new AssertionError("no single member Client(" + id + ") to send away: " + found);
        }
        Audience.dismiss(found.get(0), CloseReasons.OPERATOR_GOING_AWAY);
        return new SentAway(room);
    }

    /** Lets clients in again. */
    @Override
    public void close() {
        room.admission().maintenance(false);
    }
}

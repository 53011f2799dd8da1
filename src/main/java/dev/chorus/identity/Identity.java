package dev.chorus.identity;

import java.util.List;
import java.util.Optional;

/**
 * Who a verified token says the client is: the gate checks its rooms, and the chat shows its name.
 *
 * @param subject the token's {@code sub} claim (never empty)
 * @param name its {@code name} claim, if it has one: the name shown for the client, overriding {@code ?name=}
 * @param rooms its {@code rooms} claim, if it has one: the only rooms the client may join (none: any room)
 */
public record Identity(String subject, Optional<String> name, Optional<List<String>> rooms) {

    /** How a {@code rooms} claim names the root room, the tutorial's room at {@code /}. */
    public static final String ROOT_ROOM = "/";

    public Identity {
        rooms = rooms.map(List::copyOf);
    }

    /** Whether the token lets the client into {@code room} ({@link #ROOT_ROOM} for the root room). */
    public boolean mayJoin(String room) {
        return rooms.map(allowed -> allowed.contains(room)).orElse(true);
    }
}

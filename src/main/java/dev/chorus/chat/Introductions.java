package dev.chorus.chat;

import dev.chorus.naming.RoomName;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Optional;

/** What a client said about itself when it connected: the room in its path, and the name it asked for. */
final class Introductions {

    /** The most a display name may be, in code points. */
    private static final int LONGEST_NAME = 32;

    private Introductions() {}

    /** The room {@code session} asked for: {@code /rooms/NAME}, or the tutorial's; empty if NAME is no room name. */
    static Optional<RoomName> room(Session session) {
        String asked = session.getPathParameters().get("room");
        return asked == null ? Optional.of(RoomName.ROOT) : RoomName.parse(asked);
    }

    /** The display name it asked for with {@code ?name=}, if it is one that can be shown. */
    static Optional<String> name(Session session) {
        List<String> asked = session.getRequestParameterMap().get("name");
        if (asked == null || asked.isEmpty()) {
            return Optional.empty();
        }
        String name = asked.get(0).strip();
        int length = name.codePointCount(0, name.length());
        boolean shown = length >= 1
                && length <= LONGEST_NAME
                && name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || " -_.'".indexOf(c) >= 0);
        return shown ? Optional.of(name) : Optional.empty();
    }
}

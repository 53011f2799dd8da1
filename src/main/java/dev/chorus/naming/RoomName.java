package dev.chorus.naming;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A room's name: the tutorial's room at {@code /} ({@link #ROOT}), or one a client named in {@code /rooms/NAME}.
 * A name is 1 to 64 of {@code A-Z a-z 0-9 _ -}, compared as written (case counts): short enough for a log line
 * and a metrics label, and safe in a path, a Redis key and HTML without escaping.
 */
public final class RoomName implements Comparable<RoomName> {

    /** The tutorial's room, served at {@code /}, written {@code /}. */
    public static final RoomName ROOT = new RoomName("/");

    /** Why a name is refused, as the handshake and the admin API say it. */
    public static final String RULE = "use 1-64 of A-Z a-z 0-9 _ -";

    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private final String name;

    private RoomName(String name) {
        this.name = name;
    }

    /** The room {@code name} names ({@code /} is the root room), or empty if it is no room name. */
    public static Optional<RoomName> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        if (name.equals(ROOT.name)) {
            return Optional.of(ROOT);
        }
        return VALID.matcher(name).matches() ? Optional.of(new RoomName(name)) : Optional.empty();
    }

    /** Whether this is the tutorial's room at {@code /}. */
    public boolean isRoot() {
        return this == ROOT;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RoomName room && room.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** The root room first, then by name. */
    @Override
    public int compareTo(RoomName other) {
        if (isRoot() || other.isRoot()) {
            return Boolean.compare(other.isRoot(), isRoot());
        }
        return name.compareTo(other.name);
    }

    /** The name as written: {@code /} for the root room. */
    @Override
    public String toString() {
        return name;
    }
}

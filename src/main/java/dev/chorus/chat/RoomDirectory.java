package dev.chorus.chat;

import dev.chorus.bus.Bus;
import dev.chorus.bus.BusEvent;
import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The rooms a node holds, as operators and the site's backend see them, and the server's own voice in them. */
public final class RoomDirectory {

    /** What became of something the server itself said in a room ({@link #publish}). */
    public enum Published {
        /** On its way to everyone in the room, on every node. */
        ACCEPTED,
        /** This node holds its limit of rooms and not this one. */
        ROOM_LIMIT,
        /** Too much waits to go out on the bus already. */
        BACKLOG
    }

    private final Timelines timelines;
    private final Bus bus;

    RoomDirectory(Timelines timelines, Bus bus) {
        this.timelines = timelines;
        this.bus = bus;
    }

    /**
     * The server says {@code text} in {@code room}: everyone there hears it, a chorus.v1 client as a {@code said}
     * from 0 named {@code server}, a tutorial client as the text alone; it is numbered and kept like any
     * said-message, and goes to the other nodes through Redis. The room is made if need be.
     */
    public Published publish(RoomName room, String text) {
        if (!timelines.canHold(room)) {
            return Published.ROOM_LIMIT;
        }
        boolean taken = bus.publish(new BusEvent.Said(room, BusEvent.SERVER, ClientName.SERVER, text));
        return taken ? Published.ACCEPTED : Published.BACKLOG;
    }

    /** The rooms this node holds, the tutorial's first, each with how many are in it here. */
    public Map<RoomName, Integer> rooms() {
        Map<RoomName, Integer> rooms = new LinkedHashMap<>();
        timelines.list().forEach(timeline -> rooms.put(timeline.room(), timeline.size()));
        return rooms;
    }

    /** Who is in {@code room} on this node, by id in join order, with their names; empty if it is not held here. */
    public Optional<Map<Long, String>> members(RoomName room) {
        return timelines.find(room).map(Timeline::names);
    }

    /** Whether a newcomer may join {@code room}: this node holds it already, or may hold one more. */
    public boolean canHold(RoomName room) {
        return timelines.canHold(room);
    }
}

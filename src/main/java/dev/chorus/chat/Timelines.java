package dev.chorus.chat;

import dev.chorus.connection.Audience;
import dev.chorus.naming.RoomName;
import dev.chorus.settings.OutboxLimits;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The rooms this node holds, each with its own {@link Timeline} (members, seqs, history): the tutorial's room at
 * {@code /} always, and every room a client joined or the bus spoke of, up to {@code max-rooms}. A room nobody is
 * in is forgotten, history and all, once nothing has happened in it for {@code room-keep}. Every node holds the
 * rooms the bus speaks of, so a client that reconnects to another node finds its room's history there.
 */
final class Timelines {

    private static final System.Logger LOG = System.getLogger(Timelines.class.getName());

    private final Map<RoomName, Timeline> rooms = new ConcurrentHashMap<>();
    private final Audience audience;
    private final int historySize;
    private final OutboxLimits limits;
    private final int maxRooms;
    private final long keepNanos;
    private final Timeline root;

    Timelines(Audience audience, int historySize, OutboxLimits limits, int maxRooms, Duration keep) {
        this.audience = audience;
        this.historySize = historySize;
        this.limits = limits;
        this.maxRooms = maxRooms;
        this.keepNanos = keep.toNanos();
        this.root = new Timeline(RoomName.ROOT, audience, historySize, limits);
        rooms.put(RoomName.ROOT, root);
    }

    /** The tutorial's room. */
    Timeline root() {
        return root;
    }

    /** {@code room}'s timeline, made now if this node does not hold it yet; empty if it holds its limit of rooms. */
    synchronized Optional<Timeline> hold(RoomName room) {
        Timeline held = rooms.get(room);
        if (held == null && rooms.size() < maxRooms) {
            held = new Timeline(room, audience, historySize, limits);
            rooms.put(room, held);
            LOG.log(Level.DEBUG, () -> "Holding room " + room + " (" + rooms.size() + " rooms)");
        }
        return Optional.ofNullable(held);
    }

    /** {@code room}'s timeline, if this node holds it. */
    Optional<Timeline> find(RoomName room) {
        return Optional.ofNullable(rooms.get(room));
    }

    /** Whether a client may join {@code room} now: it is held already, or there is room for one more. */
    boolean canHold(RoomName room) {
        return rooms.containsKey(room) || rooms.size() < maxRooms;
    }

    /**
     * Forgets the rooms that have been empty and quiet for longer than the keep. Run by the arrivals thread, the
     * only one that adds members, so no client joins a room as it is forgotten. (A message the bus brings to an
     * empty room at that very moment may be lost with its history: the room is made again by the next one.)
     */
    synchronized void forgetIdle() {
        long now = System.nanoTime();
        rooms.values().removeIf(timeline -> {
            boolean idle = !timeline.room().isRoot() && timeline.idleFor(keepNanos, now);
            if (idle) {
                LOG.log(Level.DEBUG, () -> "Forgot the empty room " + timeline.room());
            }
            return idle;
        });
    }

    /** Runs {@code action} for every room held. */
    void forEach(Consumer<Timeline> action) {
        rooms.values().forEach(action);
    }

    /** The rooms held, the tutorial's first, then by name. */
    List<Timeline> list() {
        List<Timeline> list = new ArrayList<>(rooms.values());
        list.sort(Comparator.comparing(Timeline::room));
        return list;
    }

    /** How many rooms are held. */
    int size() {
        return rooms.size();
    }
}

package dev.chorus.bus;

import dev.chorus.naming.RoomName;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The highest seq this node has seen in each room, so a Redis that restarted empty has its counters raised back
 * and never hands out a seq twice. Bounded: the rooms seen least recently are forgotten first (the tutorial room
 * never), so a cluster with more rooms than that relies on Redis keeping its counters.
 */
final class SeqFloors {

    private final int limit;
    /** In access order; guarded by this. */
    private final Map<RoomName, Long> floors = new LinkedHashMap<>(16, 0.75f, true);

    SeqFloors(int limit) {
        this.limit = limit;
        floors.put(RoomName.ROOT, 0L);
    }

    synchronized void seen(RoomName room, long seq) {
        floors.merge(room, seq, Math::max);
        if (floors.size() > limit) {
            RoomName oldest = floors.keySet().iterator().next();
            floors.remove(
                    oldest.isRoot()
                            ? floors.keySet().stream().skip(1).findFirst().orElseThrow()
                            : oldest);
        }
    }

    synchronized long of(RoomName room) {
        return floors.getOrDefault(room, 0L);
    }

    /** Runs {@code action} for every room remembered, on a copy: never under the lock (it may wait on Redis). */
    void forEach(BiConsumer<RoomName, Long> action) {
        Map<RoomName, Long> copy;
        synchronized (this) {
            copy = Map.copyOf(floors);
        }
        copy.forEach(action);
    }
}

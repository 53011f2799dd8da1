package dev.chorus.chat;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.bus.BusEvent;
import dev.chorus.bus.BusListener;
import dev.chorus.bus.ThrottledLog;
import dev.chorus.lifecycle.Admission;
import dev.chorus.metrics.ChatMetrics;
import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * Hands what the bus carries (from this node or another) to this node's clients, timing each fan-out, and
 * lets newcomers in only while the bus reaches the other nodes: a newcomer would otherwise chat with this node
 * alone without knowing it.
 */
final class BusDelivery implements BusListener {

    private static final System.Logger LOG = System.getLogger(BusDelivery.class.getName());

    private final Timelines timelines;
    private final ChatMetrics metrics;
    private final Admission admission;
    private final ThrottledLog full = new ThrottledLog(LOG, Level.WARNING);

    BusDelivery(Timelines timelines, ChatMetrics metrics, Admission admission) {
        this.timelines = timelines;
        this.metrics = metrics;
        this.admission = admission;
    }

    @Override
    public void heard(BusEvent event) {
        if (event instanceof BusEvent.Left left) {
            timelines.find(left.room()).ifPresent(timeline -> timeline.left(left.from(), left.name()));
            return;
        }
        Optional<Timeline> room = timelines.hold(event.room());
        if (room.isEmpty()) {
            full.log(() -> "Dropped an event for room " + event.room() + ": this node holds its limit of rooms", null);
            return;
        }
        Timeline timeline = room.get();
        long start = System.nanoTime();
        if (event instanceof BusEvent.Said said) {
            timeline.say(said.from(), said.name(), said.text(), said.seq());
        } else if (event instanceof BusEvent.Sent sent) {
            timeline.relay(Outgoing.binary(sent.data()));
        } else {
            timeline.joined(event.from(), ((BusEvent.Joined) event).name());
        }
        metrics.fannedOut(System.nanoTime() - start);
    }

    @Override
    public void startsAt(long seq) {
        timelines.root().startAt(seq);
    }

    @Override
    public void reachable(boolean reachable) {
        admission.busDown(!reachable);
        if (reachable) {
            timelines.forEach(Timeline::announceAll);
        }
    }
}

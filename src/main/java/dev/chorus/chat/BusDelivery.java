package dev.chorus.chat;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.bus.BusEvent;
import dev.chorus.bus.BusListener;
import dev.chorus.lifecycle.Admission;
import dev.chorus.metrics.ChatMetrics;

/**
 * Hands what the bus carries (from this node or another) to this node's clients, timing each fan-out, and
 * lets newcomers in only while the bus reaches the other nodes: a newcomer would otherwise chat with this node
 * alone without knowing it.
 */
final class BusDelivery implements BusListener {

    private final Timeline timeline;
    private final ChatMetrics metrics;
    private final Admission admission;

    BusDelivery(Timeline timeline, ChatMetrics metrics, Admission admission) {
        this.timeline = timeline;
        this.metrics = metrics;
        this.admission = admission;
    }

    @Override
    public void heard(BusEvent event) {
        if (event instanceof BusEvent.Left left) {
            timeline.left(left.from());
            return;
        }
        long start = System.nanoTime();
        if (event instanceof BusEvent.Said said) {
            timeline.say(said.from(), said.text(), said.seq());
        } else if (event instanceof BusEvent.Sent sent) {
            timeline.relay(Outgoing.binary(sent.data()));
        } else {
            timeline.joined(event.from());
        }
        metrics.fannedOut(System.nanoTime() - start);
    }

    @Override
    public void startsAt(long seq) {
        timeline.startAt(seq);
    }

    @Override
    public void reachable(boolean reachable) {
        admission.busDown(!reachable);
        if (reachable) {
            timeline.announceAll();
        }
    }
}

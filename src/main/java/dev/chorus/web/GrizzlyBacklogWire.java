package dev.chorus.web;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.broadcast.Wire;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;

/**
 * The WAR's wire: the portable sends, plus, on Payara, what Grizzly still holds for the peer. Payara reports a
 * send done once its bytes are in Grizzly's write queue, not once the socket took them. That queue only pushes
 * back (the servlet stream's {@code isReady()} turns false and Tyrus holds the send) past four times the socket's
 * send buffer as it was when the connection was accepted: on loopback 7 879 680 bytes (4 x 1 969 920), behind the
 * kernel's own 2.8 MB. So a paced flood never stalled a send to a peer that never reads, and never filled its
 * outbox. Counted as queued ({@link Wire.Sender#heldBytes}), those bytes make the outbox overflow at its own bound
 * and the peer is evicted as a slow consumer. Elsewhere (WildFly) the portable sender as it is.
 */
final class GrizzlyBacklogWire implements Wire {

    @Override
    public Sender connect(Session session) {
        Sender portable = Wire.PORTABLE.connect(session);
        Object queue = GrizzlyConnections.writeQueueOf(GrizzlyConnections.connectionOf(session));
        return queue == null ? portable : new Held(portable, queue);
    }

    private record Held(Sender portable, Object queue) implements Sender {

        @Override
        public void send(Outgoing message, SendHandler handler) {
            portable.send(message, handler);
        }

        @Override
        public long heldBytes() {
            return GrizzlyConnections.queuedBytes(queue);
        }
    }
}

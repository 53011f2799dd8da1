package dev.chorus.chat;

import dev.chorus.broadcast.SendBatch;
import dev.chorus.bus.Bus;
import dev.chorus.bus.BusEvent;
import dev.chorus.bus.BusUnavailable;
import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.metrics.ChatMetrics;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How a client becomes a member: it gets the next id, joins the timeline (its welcome, or its greeting once its
 * join comes back) and its join goes out on the bus, one newcomer at a time.
 */
final class Arrivals {

    /** The room's own logger: the tutorial's log lines keep the logger name they always had. */
    private static final System.Logger LOG = System.getLogger(ChatRoom.class.getName());

    private final Audience audience;
    private final Timeline timeline;
    private final V1Requests v1;
    private final Bus bus;
    private final ChatMetrics metrics;
    /** Clients that were given an id and whose leave has not been handled yet (a stop waits for them). */
    private final Set<Session> present = ConcurrentHashMap.newKeySet();
    /** Held from a newcomer's id to its join's publication (fair: newcomers are let in in arrival order). */
    private final ReentrantLock joining = new ReentrantLock(true);

    Arrivals(Audience audience, Timeline timeline, V1Requests v1, Bus bus, ChatMetrics metrics) {
        this.audience = audience;
        this.timeline = timeline;
        this.v1 = v1;
        this.bus = bus;
        this.metrics = metrics;
    }

    /**
     * {@code connection} opened: it gets the next id and everyone is greeted. If the nodes cannot agree on an id
     * now (Redis just went down), it is closed with 1013: try again later.
     */
    void arrive(Connection connection) {
        // One join at a time, from its id to its place on the bus: this node's joins reach the bus in id order,
        // so client 1 always hears of client 2's join (two clients connecting at once could otherwise reach the
        // bus the other way round, and client 1 would count as the later one and never hear of client 2).
        // The writes its turns start wait for the batch to close, after the lock: the next newcomer need not.
        SendBatch.run(() -> {
            joining.lock();
            try {
                enter(connection);
            } finally {
                joining.unlock();
            }
        });
    }

    private void enter(Connection connection) {
        Session session = connection.session();
        long id;
        try {
            id = bus.nextId();
        } catch (BusUnavailable e) {
            LOG.log(Level.INFO, "Closed a new client with 1013: {0}", e.getMessage());
            audience.close(session, CloseReasons.TRY_AGAIN_LATER);
            return;
        }
        connection.identify(id, ChatLines.client(id));
        present.add(session);
        if (!session.isOpen()) {
            present.remove(session); // its close was reported while it waited for an id: left() has run
        }
        metrics.accepted();
        LOG.log(Level.INFO, ChatLines.joinedLog(id));
        boolean member = connection.speaksV1() ? v1.join(connection) : timeline.join(connection, OptionalLong.empty());
        if (member) {
            connection.joinPublished();
            // With Redis, publishing waits on the network: the welcome (and whatever else this thread queued)
            // goes out first. The one bus in this JVM delivers the join at once, and its greetings wait for the batch.
            SendBatch.flush();
            bus.publish(new BusEvent.Joined(id));
        }
    }

    /** {@code session}'s leave has been handled (last, so a stop waiting for it closes the bus after it). */
    void departed(Session session) {
        present.remove(session);
    }

    /** How many clients were given an id and have not left yet. */
    int present() {
        return present.size();
    }
}

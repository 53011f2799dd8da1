package dev.chorus.chat;

import dev.chorus.broadcast.SendBatch;
import dev.chorus.bus.Bus;
import dev.chorus.bus.BusEvent;
import dev.chorus.bus.BusUnavailable;
import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.connection.EarlyMessages;
import dev.chorus.limits.Inbound;
import dev.chorus.metrics.ChatMetrics;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * How a client becomes a member: it gets the next id, joins the timeline (its welcome, or its greeting once its
 * join comes back) and its join goes out on the bus. The thread that opened the connection only hands it to a
 * bounded queue ({@link #arrive}); the room's one arrivals thread takes newcomers in arrival order, asks the bus
 * for their ids together (with Redis: one round trip for all who are waiting), lets them in one by one, and hands
 * on what each said meanwhile. So no socket thread waits on Redis, and this node's joins reach the bus in id
 * order: client 1 always hears of client 2's join (two clients connecting at once could otherwise reach the bus
 * the other way round, and client 1 would count as the later one and never hear of client 2).
 */
final class Arrivals implements Runnable, AutoCloseable {

    /** Ids asked for in one go at most. */
    static final int BATCH = 64;

    /** The room's own logger: the tutorial's log lines keep the logger name they always had. */
    private static final System.Logger LOG = System.getLogger(ChatRoom.class.getName());

    private static final String THREAD_NAME = "chorus-arrivals";

    private final Audience audience;
    private final Timelines timelines;
    private final V1Requests v1;
    private final Bus bus;
    private final ChatMetrics metrics;
    /** Hands on a message a newcomer sent before it was let in. */
    private final EarlyHandler early;

    /**
     * Newcomers waiting to be let in. Bounded by {@code --max-connections}: each is an open connection under the
     * caps already, so a join storm up to the node's size waits its turn instead of being turned away (at 15 000
     * clients a bound of 1024 closed four in five with 1013); one more than that is closed with 1013 at once.
     */
    private final BlockingQueue<Connection> waiting;
    /** Clients that were given an id and whose leave has not been handled yet (a stop waits for them). */
    private final Set<Session> present = ConcurrentHashMap.newKeySet();

    private volatile boolean closed;

    /** Hands on one early message of a connection that was let in. */
    interface EarlyHandler {
        void heard(Connection connection, Inbound.Result message);
    }

    Arrivals(
            Audience audience,
            Timelines timelines,
            V1Requests v1,
            Bus bus,
            ChatMetrics metrics,
            EarlyHandler early,
            int waitingLimit) {
        this.waiting = new LinkedBlockingQueue<>(waitingLimit);
        this.audience = audience;
        this.timelines = timelines;
        this.v1 = v1;
        this.bus = bus;
        this.metrics = metrics;
        this.early = early;
    }

    void start(ThreadFactory threads) {
        threads.newThread(this).start();
    }

    /**
     * {@code connection} opened: it waits for its id, and everyone is greeted once it has one. If too many are
     * waiting already, or the nodes cannot agree on an id (Redis is down or refuses), it is closed with 1013:
     * try again later. Never waits.
     */
    void arrive(Connection connection) {
        if (closed || !waiting.offer(connection)) {
            turnAway(
                    connection,
                    closed ? "the server is stopping" : waiting.size() + " newcomers wait to be let in already");
        }
    }

    @Override
    public void run() {
        Thread.currentThread().setName(THREAD_NAME);
        List<Connection> batch = new ArrayList<>(BATCH);
        while (!closed) {
            try {
                Connection first = waiting.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    // Quiet: the time to forget empty rooms, here where no join can meet it.
                    timelines.forgetIdle();
                    continue;
                }
                batch.add(first);
                waiting.drainTo(batch, BATCH - 1);
                letIn(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                LOG.log(Level.ERROR, "Letting newcomers in failed", e);
                batch.forEach(c -> turnAway(c, "an unexpected error"));
            } finally {
                batch.clear();
            }
        }
    }

    /** Stops letting newcomers in; those still waiting are closed (1001, the server is going away). */
    @Override
    public void close() {
        closed = true;
        for (Connection c = waiting.poll(); c != null; c = waiting.poll()) {
            closeEarly(c, CloseReasons.SHUTTING_DOWN);
        }
    }

    private void letIn(List<Connection> batch) {
        long first;
        try {
            first = bus.nextIds(batch.size());
        } catch (BusUnavailable e) {
            batch.forEach(c -> turnAway(c, e.getMessage()));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Connection connection = batch.get(i);
            long id = first + i;
            // The writes its turns start wait for the batch to close: the next newcomer need not.
            SendBatch.run(() -> enter(connection, id));
        }
    }

    private void enter(Connection connection, long id) {
        Session session = connection.session();
        Optional<Timeline> room = timelines.hold(connection.room());
        if (room.isEmpty()) {
            turnAway(connection, "this node holds its limit of rooms");
            return;
        }
        Timeline timeline = room.get();
        String shown = timeline.uniqueName(connection.requestedName(), id);
        connection.identify(id, shown, ChatLines.label(id, shown, connection.room()));
        metrics.accepted();
        LOG.log(Level.INFO, ChatLines.joinedLog(id, shown, connection.room()));
        if (!connection.arrived()) {
            // It went while it waited for its id: its leave found no id to report, so it is reported here.
            LOG.log(Level.INFO, ChatLines.disconnectedLog(connection.name()));
            drop(connection.early());
            return;
        }
        present.add(session);
        if (!session.isOpen()) {
            present.remove(session); // its close was reported while it waited for its turn: left() has run
        }
        boolean member =
                connection.speaksV1() ? v1.join(connection, timeline) : timeline.join(connection, OptionalLong.empty());
        if (member) {
            connection.joinPublished();
            if (!bus.publish(new BusEvent.Joined(connection.room(), id, shown))) {
                connection.takeJoinPublished();
                LOG.log(Level.INFO, "Closed {0} with 1013: too much waits to go out on the bus", connection.name());
                audience.dismiss(session, CloseReasons.BUS_BACKLOG);
            }
        }
        handOnEarlyMessages(connection);
    }

    /** What it said before it was in goes on now, in order (or nowhere, if it was not let in). */
    private void handOnEarlyMessages(Connection connection) {
        for (Inbound.Result message = connection.early().next();
                message != null;
                message = connection.early().next()) {
            early.heard(connection, message);
        }
    }

    private void turnAway(Connection connection, String why) {
        LOG.log(Level.INFO, "Closed a new client with 1013: {0}", why);
        closeEarly(connection, CloseReasons.TRY_AGAIN_LATER);
    }

    private void closeEarly(Connection connection, CloseReason reason) {
        audience.close(connection.session(), reason);
        drop(connection.early());
    }

    private static void drop(EarlyMessages early) {
        while (early.next() != null) {
            // not let in: what it said goes nowhere
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

package dev.chorus.connection;

import dev.chorus.broadcast.Outbox;
import dev.chorus.limits.Inbound;
import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import dev.chorus.settings.InboundLimits;
import jakarta.websocket.Session;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import java.util.concurrent.atomic.AtomicLongFieldUpdater;

/**
 * Everything Chorus keeps about one client, under one key in its session's user properties: its id, the
 * dialect it chose at its handshake, its inbound limiter, its outbox, its liveness, how far its join has got,
 * and what operators see of it (where it connects from, since when, how many messages it sent).
 */
public final class Connection {

    private static final String KEY = Connection.class.getName();
    /** The id of a connection that has not been given one (ids start at 1). */
    private static final long NO_ID = 0;

    private static final int WAITING = 0;
    private static final int IN = 1;
    private static final int GONE = 2;

    // Plain volatile fields updated atomically through static updaters, not three Atomic* objects per client: on
    // a node of many idle clients every object a connection holds counts (issue 22).
    private static final AtomicLongFieldUpdater<Connection> MESSAGES_IN =
            AtomicLongFieldUpdater.newUpdater(Connection.class, "messagesIn");
    private static final AtomicIntegerFieldUpdater<Connection> JOIN_PUBLISHED =
            AtomicIntegerFieldUpdater.newUpdater(Connection.class, "joinPublished");
    private static final AtomicIntegerFieldUpdater<Connection> ARRIVAL =
            AtomicIntegerFieldUpdater.newUpdater(Connection.class, "arrival");

    private final Session session;
    private final RoomName room;
    /** The display name it asked for ({@code ?name=}, or its token's), if any; made unique when it is let in. */
    private final Optional<DisplayName> requestedName;

    private final Dialect dialect;
    private final Inbound inbound;
    private final Liveness liveness;
    /**
     * Where it connects from, as the deployment knows it, or null. Kept as the address, and written out when asked
     * (rarely: the admin API): two strings for every idle client of a large node
     * would be about 150 bytes each (issue 22).
     */
    private final InetSocketAddress remote;

    /** When it connected, in epoch milliseconds: a long in the object rather than an Instant beside it. */
    private final long connectedAt = System.currentTimeMillis();

    private volatile long messagesIn;
    /** Set once the bus carried its join, so its leave is announced too (and only then). */
    private volatile int joinPublished; // 1: published

    private final EarlyMessages early = new EarlyMessages();
    /** Whether it is waiting to be let in, was let in, or went first (one of the three constants below). */
    private volatile int arrival = WAITING;

    private volatile long id = NO_ID;
    private volatile String name = "a connecting client";
    private volatile String displayName = "";
    private volatile Outbox outbox;
    /**
     * Whether its own join has come back from the bus, so it hears of the joins after it. Touched only in the
     * room's turns (one at a time, each seeing the one before).
     */
    private boolean heardOfJoins;

    private Connection(
            Session session,
            InboundLimits limits,
            Optional<InetSocketAddress> remote,
            RoomName room,
            Optional<DisplayName> requestedName) {
        this.session = session;
        this.room = room;
        this.requestedName = requestedName;
        this.dialect = Dialect.of(session);
        this.inbound = new Inbound(limits);
        this.liveness = new Liveness(System.nanoTime());
        this.remote = remote.orElse(null);
    }

    /**
     * {@code session} has just opened: its connection, kept in its user properties. First thing at open:
     * frames may arrive even if it is turned away later, and they are then dropped unread.
     *
     * @param remote where it connects from, as the deployment knows it
     * @param room the room it joins
     * @param requestedName the display name it asked for, if any
     */
    public static Connection open(
            Session session,
            InboundLimits limits,
            Optional<InetSocketAddress> remote,
            RoomName room,
            Optional<DisplayName> requestedName) {
        Connection connection = new Connection(session, limits, remote, room, requestedName);
        session.getUserProperties().put(KEY, connection);
        return connection;
    }

    /** The connection of {@code session}, if it opened through Chorus. */
    public static Optional<Connection> of(Session session) {
        return Optional.ofNullable((Connection) session.getUserProperties().get(KEY));
    }

    /**
     * Whether {@code session} hears of the joins after its own. Asked for every recipient of every broadcast, so
     * it allocates nothing (no Optional).
     */
    public static boolean hasHeardOfJoins(Session session) {
        return session.getUserProperties().get(KEY) instanceof Connection connection && connection.heardOfJoins;
    }

    /**
     * Whether {@code session} hears chat events: a chorus.v1 client from its welcome on, a tutorial client from
     * its greeting on (once its own join came back). Allocation-free, like {@link #hasHeardOfJoins}.
     */
    public static boolean hearsChat(Session session) {
        return session.getUserProperties().get(KEY) instanceof Connection connection
                && (connection.dialect == Dialect.CHORUS_V1 || connection.heardOfJoins);
    }

    public Session session() {
        return session;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** Whether it speaks chorus.v1 (else the tutorial's text). */
    public boolean speaksV1() {
        return dialect == Dialect.CHORUS_V1;
    }

    public Inbound inbound() {
        return inbound;
    }

    public Liveness liveness() {
        return liveness;
    }

    /** What it sent before it was let in (or turned away), held until then. */
    public EarlyMessages early() {
        return early;
    }

    /**
     * It was given {@code newId} and the display name {@code shown} (unique in its room), and from now on is called
     * {@code label} in log lines.
     */
    public void identify(long newId, String shown, String label) {
        this.id = newId;
        this.displayName = shown;
        this.name = label;
    }

    /** The room it joins. */
    public RoomName room() {
        return room;
    }

    /** The display name it asked for, if any. */
    public Optional<DisplayName> requestedName() {
        return requestedName;
    }

    /** The name others see, e.g. {@code alice} or {@code Client(3)}; only once {@link #hasId()}. */
    public String displayName() {
        return displayName;
    }

    /** Whether it was given an id. */
    public boolean hasId() {
        return id != NO_ID;
    }

    /** Its id; only once {@link #hasId()}. */
    public long id() {
        return id;
    }

    /** How it is named in log lines, e.g. {@code Client(3)}. */
    public String name() {
        return name;
    }

    /** Its outbox, once it joined the audience. */
    public Optional<Outbox> outbox() {
        return Optional.ofNullable(outbox);
    }

    void outbox(Outbox joined) {
        this.outbox = joined;
    }

    /**
     * It is being let in (its id was given): false if it went before that, and then whoever lets it in reports
     * its leave.
     */
    public boolean arrived() {
        return ARRIVAL.compareAndSet(this, WAITING, IN);
    }

    /** It went: whether that was before it was let in (then whoever lets it in reports its leave). */
    public boolean wentBeforeArriving() {
        return ARRIVAL.compareAndSet(this, WAITING, GONE) || arrival == GONE;
    }

    /** Its join went out on the bus. */
    public void joinPublished() {
        joinPublished = 1;
    }

    /** Whether its join went out on the bus, asked once: true at most once, so its leave goes out once. */
    public boolean takeJoinPublished() {
        return JOIN_PUBLISHED.getAndSet(this, 0) == 1;
    }

    /** Its own join has come back from the bus: from now on it hears of the joins after it (in a turn). */
    public void heardOwnJoin() {
        heardOfJoins = true;
    }

    /** Where it connects from: an address, with the port where known. */
    public Optional<String> remoteAddress() {
        return Optional.ofNullable(remote)
                .map(address -> address.getPort() == 0
                        ? address.getHostString()
                        : address.getHostString() + ":" + address.getPort());
    }

    public Instant connectedSince() {
        return Instant.ofEpochMilli(connectedAt);
    }

    public long messagesIn() {
        return messagesIn;
    }

    /** It sent a message. */
    public void received() {
        MESSAGES_IN.incrementAndGet(this);
    }
}

package dev.chorus.chat;

import dev.chorus.handshake.RemoteHost;
import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the room knows about one connected client for its operators: its id, where it connects from (if the
 * container says), since when, and how many messages it has sent. Lives in the session's user properties.
 */
public final class Member {

    private static final String KEY = Member.class.getName();
    /** Undertow (WildFly) puts the peer's address here. */
    private static final String REMOTE_ADDRESS_PROPERTY = "jakarta.websocket.endpoint.remoteAddress";

    private final int id;
    private final Optional<String> remoteAddress;
    private final Optional<String> remoteHost;
    private final Instant connectedSince;
    private final AtomicLong messagesIn = new AtomicLong();
    /**
     * Whether its own join has come back from the bus, so it hears of the joins after it. Touched only in the
     * room's turns (one at a time, each seeing the one before).
     */
    private boolean announced;

    private Member(int id, Optional<InetSocketAddress> remote, Instant connectedSince) {
        this.id = id;
        this.remoteAddress = remote.map(address ->
                address.getPort() == 0 ? address.getHostString() : address.getHostString() + ":" + address.getPort());
        this.remoteHost = remote.map(address -> RemoteHost.of(address.getHostString()));
        this.connectedSince = connectedSince;
    }

    static Member attach(Session session, int id) {
        Member member = new Member(id, remoteAddressOf(session), Instant.now());
        session.getUserProperties().put(KEY, member);
        return member;
    }

    /** The member behind {@code session}, if it has joined. */
    public static Optional<Member> of(Session session) {
        return Optional.ofNullable((Member) session.getUserProperties().get(KEY));
    }

    /**
     * Whether {@code session}'s member has been announced: false before it joined. Asked for every recipient of
     * every broadcast, so it allocates nothing (no Optional, no boxed id).
     */
    static boolean isAnnounced(Session session) {
        Object member = session.getUserProperties().get(KEY);
        return member instanceof Member joined && joined.announced;
    }

    /** Its own join has come back from the bus: from now on it hears of the joins after it. */
    static void announce(Session session) {
        if (session.getUserProperties().get(KEY) instanceof Member member) {
            member.announced = true;
        }
    }

    public int id() {
        return id;
    }

    /** Where it connects from, as the container says: an address, with the port where known. */
    public Optional<String> remoteAddress() {
        return remoteAddress;
    }

    /** The IP address it connects from (see {@link RemoteHost}), for the per-address connection cap. */
    public Optional<String> remoteHost() {
        return remoteHost;
    }

    public Instant connectedSince() {
        return connectedSince;
    }

    public long messagesIn() {
        return messagesIn.get();
    }

    void received() {
        messagesIn.incrementAndGet();
    }

    /**
     * The portable API has no remote address: Undertow offers it as a user property, Tyrus (Payara, the
     * launcher) as {@code TyrusSession.getRemoteAddr()}, looked up by name so the WAR needs no Tyrus on WildFly.
     */
    private static Optional<InetSocketAddress> remoteAddressOf(Session session) {
        Object property = session.getUserProperties().get(REMOTE_ADDRESS_PROPERTY);
        if (property instanceof InetSocketAddress address) {
            return Optional.of(address);
        }
        try {
            Method getter = session.getClass().getMethod("getRemoteAddr");
            Object address = getter.invoke(session);
            // Tyrus gives the address alone: port 0 stands for "not known".
            return address == null
                    ? Optional.empty()
                    : Optional.of(InetSocketAddress.createUnresolved(address.toString(), 0));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}

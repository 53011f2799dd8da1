package dev.chorus.chat;

import dev.chorus.handshake.RemoteHost;
import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What the room knows about one connected client for its operators: its id, where it connects from (if the
 * container says), since when, and how many messages it has sent. Lives in the session's user properties.
 */
public final class Member {

    private static final String KEY = Member.class.getName();
    /** Some containers put the peer's address here (Jetty's name, under the jakarta prefix). */
    private static final String REMOTE_ADDRESS_PROPERTY = "jakarta.websocket.endpoint.remoteAddress";

    private final long id;
    private final Optional<String> remoteAddress;
    private final Optional<String> remoteHost;
    private final Instant connectedSince;
    private final AtomicLong messagesIn = new AtomicLong();
    /**
     * Whether its own join has come back from the bus, so it hears of the joins after it. Touched only in the
     * room's turns (one at a time, each seeing the one before).
     */
    private boolean announced;

    private Member(long id, Optional<InetSocketAddress> remote, Instant connectedSince) {
        this.id = id;
        this.remoteAddress = remote.map(address ->
                address.getPort() == 0 ? address.getHostString() : address.getHostString() + ":" + address.getPort());
        // The IP, not getHostString(): that is a name once anyone has looked the address up (WildFly has).
        this.remoteHost = remote.map(address -> RemoteHost.of(
                address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString()));
        this.connectedSince = connectedSince;
    }

    static Member attach(Session session, long id) {
        Member member =
                new Member(id, forwardedClients.apply(session).or(() -> remoteAddressOf(session)), Instant.now());
        session.getUserProperties().put(KEY, member);
        return member;
    }

    /**
     * The client behind a trusted proxy, where the deployment knows it (the launcher's {@code
     * --trusted-proxies}); empty: the container's view of the peer.
     */
    private static volatile Function<Session, Optional<InetSocketAddress>> forwardedClients =
            session -> Optional.empty();

    /** From now on members are placed where {@code clients} says, where it says (the launcher, behind a proxy). */
    public static void useForwardedClients(Function<Session, Optional<InetSocketAddress>> clients) {
        forwardedClients = clients;
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

    public long id() {
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
     * The portable API has no remote address: Tyrus (Payara, the launcher) has {@code
     * TyrusSession.getRemoteAddr()}, Undertow (WildFly) {@code UndertowSession.getWebSocketChannel()
     * .getPeerAddress()}, and some servers put it in a user property. Looked up by name, so the WAR needs
     * neither Tyrus nor Undertow at compile time. (Public for the WAR's connection caps.)
     */
    public static Optional<InetSocketAddress> remoteAddressOf(Session session) {
        if (session.getUserProperties().get(REMOTE_ADDRESS_PROPERTY) instanceof InetSocketAddress address) {
            return Optional.of(address);
        }
        if (call(call(session, "getWebSocketChannel"), "getPeerAddress") instanceof InetSocketAddress address) {
            return Optional.of(address);
        }
        // Tyrus gives the address alone: port 0 stands for "not known".
        Object tyrus = call(session, "getRemoteAddr");
        return tyrus == null ? Optional.empty() : Optional.of(InetSocketAddress.createUnresolved(tyrus.toString(), 0));
    }

    /** {@code target.name()} if {@code target} has such a public method, else null. */
    private static Object call(Object target, String name) {
        if (target == null) {
            return null;
        }
        try {
            Method method = target.getClass().getMethod(name);
            return method.invoke(target);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}

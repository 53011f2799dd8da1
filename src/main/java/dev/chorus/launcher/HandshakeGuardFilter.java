package dev.chorus.launcher;

import dev.chorus.chat.ChatRoom;
import dev.chorus.handshake.Forwarding;
import dev.chorus.handshake.HandshakeRules;
import dev.chorus.handshake.Rejection;
import dev.chorus.handshake.Requester;
import dev.chorus.handshake.UpgradeRequest;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.settings.HandshakeSettings;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;

/**
 * Sits in front of Tyrus on the launcher's listeners. Before the upgrade it applies {@link HandshakeRules}
 * (answering a bad request with its HTTP status and closing, the connection caps included), and drops a
 * connection that has not sent a complete request within the handshake timeout (slowloris); after it, it holds
 * each connection's {@link FrameCheck}.
 */
final class HandshakeGuardFilter extends BaseFilter {

    private static final System.Logger LOG = System.getLogger(HandshakeGuardFilter.class.getName());
    private static final Attribute<Boolean> UPGRADED =
            org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                    HandshakeGuardFilter.class.getName() + ".upgraded");

    /** The client's address as the upgrade named it (behind a trusted proxy, not the proxy's): its cap slot. */
    private static final Attribute<String> CLIENT =
            org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                    HandshakeGuardFilter.class.getName() + ".client");

    /** Set while a plain HTTP request's body is arriving: its pieces do not move the handshake deadline. */
    private static final Attribute<Boolean> IN_REQUEST =
            org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                    HandshakeGuardFilter.class.getName() + ".inRequest");

    private static final Attribute<FrameCheck> FRAMES =
            org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                    HandshakeGuardFilter.class.getName() + ".frames");

    /**
     * Tyrus's handle on an upgraded connection, which its filter keeps in an attribute of this name (attributes
     * are shared by name). If a Tyrus version renames it, refused frames are closed by hand and the endpoint
     * hears {@code 1006} instead of the code.
     */
    private static final Attribute<org.glassfish.tyrus.spi.Connection> TYRUS =
            org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                    GrizzlyServerFilter.class.getName() + ".Connection");

    private final HandshakeRules rules;
    private final ChatRoom room;
    private final Forwarding forwarding;
    private final ConnectionCounts counts;
    private final ConnectionDeadlines deadlines;
    private final ConnectionDeadlines closes;
    private final int maxMessageBytes;

    /**
     * @param deadlines the handshake's: a connection must send each complete request in time
     * @param closes the close's: a connection being closed must be gone in time ({@link TyrusCloseWatch})
     */
    HandshakeGuardFilter(
            HandshakeSettings settings,
            ChatRoom room,
            ConnectionCounts counts,
            ConnectionDeadlines deadlines,
            ConnectionDeadlines closes,
            int maxMessageBytes) {
        this.rules = HandshakeRules.from(settings);
        this.room = room;
        this.forwarding = new Forwarding(settings.proxies());
        this.counts = counts;
        this.deadlines = deadlines;
        this.closes = closes;
        this.maxMessageBytes = maxMessageBytes;
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        deadlines.arm(ctx.getConnection());
        TyrusCloseWatch.watchWith(ctx.getConnection(), closes);
        return ctx.getInvokeAction();
    }

    /** Whoever closed it, and however: its deadlines end, and its place under the caps is given back. */
    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        deadlines.disarm(connection);
        closes.disarm(connection);
        if (Boolean.TRUE.equals(UPGRADED.remove(connection))) {
            counts.closed(CLIENT.get(connection));
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (Boolean.TRUE.equals(UPGRADED.get(connection))) {
            return checkFrames(ctx);
        }
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        UpgradeRequest upgrade =
                new UpgradeRequest(request.getMethod().getMethodString(), request::getHeader, request.isSecure());
        if (!upgrade.isWebSocketUpgrade()) {
            // A plain HTTP request: its header, and the next request once it is complete, each get the whole
            // time to come. Not every piece of a body: one trickled a byte at a time is dropped at the deadline.
            boolean begun = Boolean.TRUE.equals(IN_REQUEST.get(connection));
            if (content.isLast()) {
                IN_REQUEST.remove(connection);
                deadlines.arm(connection);
            } else if (!begun) {
                IN_REQUEST.set(connection, Boolean.TRUE);
                deadlines.arm(connection);
            }
            return ctx.getInvokeAction();
        }
        if (!deadlines.disarm(connection)) {
            // Its deadline passed meanwhile: the sweeper is closing it, and a count taken now would never be
            // given back (its close may already have been handled, before it counted as upgraded).
            connection.closeSilently();
            return ctx.getStopAction();
        }
        Requester client = forwarding.resolve(address(connection), name -> values(request, name), request.isSecure());
        String address = client.address();
        Optional<Rejection> rejection = admit(asSeenBy(upgrade, client), address);
        if (rejection.isPresent()) {
            refuse(ctx, request, address, rejection.get());
            return ctx.getStopAction();
        }
        CLIENT.set(connection, address);
        UPGRADED.set(connection, Boolean.TRUE);
        FRAMES.set(connection, new FrameCheck(maxMessageBytes));
        return checkFrames(ctx); // frames sent in the same read as the request come as its content
    }

    /**
     * Applies the rules and, if they pass, counts the connection as open, in one step: upgrades that arrive
     * together are let in one by one, so the caps hold exactly (a close only ever lowers the counts).
     */
    private Optional<Rejection> admit(UpgradeRequest upgrade, String address) {
        synchronized (counts) {
            Optional<Rejection> rejection = rules.check(upgrade, counts.total(), () -> counts.perAddress(address));
            if (rejection.isEmpty()) {
                counts.opened(address);
            }
            return rejection;
        }
    }

    /**
     * After the upgrade: an unmasked client frame ends the connection with 1002, a data frame larger than any
     * message may be with 1009, before Tyrus sees (or buffers) it.
     */
    private NextAction checkFrames(FilterChainContext ctx) {
        FrameCheck frames = FRAMES.get(ctx.getConnection());
        if (frames != null && frames.isBroken()) {
            // The rest of a refused frame (or whatever follows it) while Tyrus closes: dropped, never parsed.
            return ctx.getStopAction();
        }
        Optional<CloseReason> broken = frames == null || !(ctx.getMessage() instanceof HttpContent content)
                ? Optional.empty()
                : frames.check(content.getContent());
        if (broken.isEmpty()) {
            return ctx.getInvokeAction();
        }
        CloseReason reason = broken.get();
        if (reason == CloseReasons.TOO_BIG) {
            room.metrics().limitCrossed(reason);
        }
        LOG.log(
                Level.INFO,
                "Closing {0}: {1} ({2,number,#})",
                client(ctx.getConnection()),
                reason.getReasonPhrase(),
                reason.getCloseCode().getCode());
        Connection<?> connection = ctx.getConnection();
        // The close frame may wait behind data the client is not reading: the connection goes at the deadline.
        TyrusCloseWatch.closing(connection);
        org.glassfish.tyrus.spi.Connection tyrus = TYRUS.get(connection);
        if (tyrus == null) {
            // Frames in the upgrade request's own read: Tyrus has no connection yet.
            connection.write(Buffers.wrap(ctx.getMemoryManager(), Frames.close(reason)));
            connection.close();
            return ctx.getStopAction();
        }
        try {
            // Tyrus sends the close frame, the endpoint hears this reason (the closes metric, the leave), and
            // Tyrus ends the connection after that frame, in its own write order.
            tyrus.close(reason);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Tyrus could not close " + client(connection) + ": " + e);
            connection.close();
        }
        return ctx.getStopAction();
    }

    private void refuse(FilterChainContext ctx, HttpRequestPacket request, String address, Rejection refused) {
        room.refusedUpgrade(address, refused);
        HttpResponsePacket response = request.getResponse();
        response.setStatus(refused.status());
        response.setReasonPhrase(refused.statusText());
        refused.headers().forEach(response::setHeader);
        response.setHeader("Connection", "close");
        response.setContentType("text/plain;charset=UTF-8");
        byte[] body = (refused.reason() + "\n").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        HttpContent reply = HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body))
                .last(true)
                .build();
        ctx.write(reply);
        ctx.getConnection().closeSilently();
    }

    /** The request as its client sent it: the host and scheme it asked for (a proxy's forwarding headers). */
    private static UpgradeRequest asSeenBy(UpgradeRequest upgrade, Requester client) {
        return new UpgradeRequest(
                upgrade.method(),
                name -> "Host".equalsIgnoreCase(name)
                        ? client.host()
                        : upgrade.header().apply(name),
                client.secure());
    }

    /** Every value of header {@code name}, one per line it came in. */
    private static List<String> values(HttpRequestPacket request, String name) {
        List<String> values = new ArrayList<>();
        request.getHeaders().values(name).forEach(values::add);
        return values;
    }

    /** Where {@code connection} is from, as the log names it: the client behind a trusted proxy, once known. */
    /**
     * The client behind a trusted proxy on {@code connection}, if its upgrade named one other than the peer (for
     * the admin API's views); port 0 stands for "not known", as the client's port is not forwarded.
     */
    static Optional<InetSocketAddress> forwardedClient(Connection<?> connection) {
        String client = CLIENT.get(connection);
        return client == null || client.equals(address(connection))
                ? Optional.empty()
                : Optional.of(InetSocketAddress.createUnresolved(client, 0));
    }

    private static String client(Connection<?> connection) {
        String client = CLIENT.get(connection);
        return client != null ? client : address(connection);
    }

    private static String address(Connection<?> connection) {
        Object peer = connection.getPeerAddress();
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(peer);
    }
}

package dev.chorus.launcher;

import dev.chorus.handshake.HandshakeRules;
import dev.chorus.handshake.HandshakeSettings;
import dev.chorus.handshake.Rejection;
import dev.chorus.handshake.UpgradeRequest;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
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

/**
 * Sits in front of Tyrus on the launcher's listeners. It applies {@link HandshakeRules} to upgrade requests
 * (answering a bad one with its HTTP status and closing), caps connections per remote address, and drops a
 * connection that has not sent a complete request within the handshake timeout (slowloris).
 */
final class HandshakeGuardFilter extends BaseFilter {

    private static final System.Logger LOG = System.getLogger(HandshakeGuardFilter.class.getName());
    private static final Attribute<Boolean> UPGRADED =
            org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                    HandshakeGuardFilter.class.getName() + ".upgraded");

    private static final Attribute<MaskCheck> MASKS =
            org.glassfish.grizzly.Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(
                    HandshakeGuardFilter.class.getName() + ".masks");
    private static final String UNMASKED_REASON = "unmasked frame";

    private final HandshakeRules rules;
    private final ConnectionCounts counts;
    private final HandshakeDeadlines deadlines;

    HandshakeGuardFilter(HandshakeSettings settings, ConnectionCounts counts, HandshakeDeadlines deadlines) {
        this.rules = settings.rules();
        this.counts = counts;
        this.deadlines = deadlines;
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        deadlines.arm(ctx.getConnection());
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        deadlines.disarm(connection);
        if (Boolean.TRUE.equals(UPGRADED.remove(connection))) {
            counts.closed(address(connection));
        }
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (Boolean.TRUE.equals(UPGRADED.get(connection))) {
            return checkMasks(ctx);
        }
        if (!(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        UpgradeRequest upgrade =
                new UpgradeRequest(request.getMethod().getMethodString(), request::getHeader, request.isSecure());
        if (!upgrade.isWebSocketUpgrade()) {
            deadlines.arm(connection); // a plain HTTP request: the next one has the same time to come
            return ctx.getInvokeAction();
        }
        String address = address(connection);
        Optional<Rejection> rejection = rules.check(upgrade, counts.total())
                .or(() -> counts.perAddress(address) >= counts.maxPerAddress()
                        ? Optional.of(new Rejection(
                                503, "too many connections from one address", java.util.Map.of("Retry-After", "5")))
                        : Optional.empty());
        if (rejection.isPresent()) {
            refuse(ctx, request, address, rejection.get());
            return ctx.getStopAction();
        }
        deadlines.disarm(connection);
        UPGRADED.set(connection, Boolean.TRUE);
        MASKS.set(connection, new MaskCheck());
        counts.opened(address);
        return ctx.getInvokeAction();
    }

    /** After the upgrade: an unmasked client frame ends the connection with 1002 before Tyrus sees it. */
    private static NextAction checkMasks(FilterChainContext ctx) {
        MaskCheck masks = MASKS.get(ctx.getConnection());
        if (masks == null
                || !(ctx.getMessage() instanceof HttpContent content)
                || masks.allMasked(content.getContent())) {
            return ctx.getInvokeAction();
        }
        LOG.log(Level.INFO, "Closing {0}: unmasked client frame (1002)", address(ctx.getConnection()));
        byte[] reason = UNMASKED_REASON.getBytes(StandardCharsets.UTF_8);
        byte[] close = new byte[4 + reason.length];
        close[0] = (byte) 0x88;
        close[1] = (byte) (2 + reason.length);
        close[2] = (byte) (1002 >> 8);
        close[3] = (byte) (1002 & 0xFF);
        System.arraycopy(reason, 0, close, 4, reason.length);
        Connection<?> connection = ctx.getConnection();
        connection.write(Buffers.wrap(ctx.getMemoryManager(), close));
        connection.close();
        return ctx.getStopAction();
    }

    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, String address, Rejection refused) {
        LOG.log(
                Level.INFO,
                "Refused an upgrade from {0}: {1,number,#} {2}",
                address,
                refused.status(),
                refused.reason());
        dev.chorus.chat.ChatRoom.current().metrics().handshakeRefused(refused.status());
        HttpResponsePacket response = request.getResponse();
        response.setStatus(refused.status());
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

    private static String address(Connection<?> connection) {
        Object peer = connection.getPeerAddress();
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(peer);
    }
}

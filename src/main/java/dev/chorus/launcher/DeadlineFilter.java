package dev.chorus.launcher;

import java.io.IOException;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;

/**
 * Holds each connection of a launcher listener to its {@link ConnectionDeadlines}: it must send each complete
 * request within the handshake timeout (a client that sends half a request and stops, slowloris, is dropped),
 * and once it is closing it must be gone within the close timeout. It sits before the {@link GrizzlyGate}, so a
 * connection dropped at its deadline is never admitted.
 */
final class DeadlineFilter extends BaseFilter {

    /** Set once the upgrade request came in time: from then on the handshake deadline is over. */
    private static final Attribute<Boolean> UPGRADING =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(DeadlineFilter.class.getName() + ".upgrading");

    /** Set while a plain HTTP request's body is arriving: its pieces do not move the handshake deadline. */
    private static final Attribute<Boolean> IN_REQUEST =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(DeadlineFilter.class.getName() + ".inRequest");

    private final ConnectionDeadlines handshakes;
    private final ConnectionDeadlines closes;

    /**
     * @param handshakes the handshake's: a connection must send each complete request in time
     * @param closes the close's: a connection being closed must be gone in time ({@link TyrusCloseWatch})
     */
    DeadlineFilter(ConnectionDeadlines handshakes, ConnectionDeadlines closes) {
        this.handshakes = handshakes;
        this.closes = closes;
    }

    @Override
    public NextAction handleAccept(FilterChainContext ctx) throws IOException {
        handshakes.arm(ctx.getConnection());
        TyrusCloseWatch.watchWith(ctx.getConnection(), closes);
        return ctx.getInvokeAction();
    }

    /** Whoever closed it, and however: its deadlines end. */
    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        handshakes.disarm(ctx.getConnection());
        closes.disarm(ctx.getConnection());
        return ctx.getInvokeAction();
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (Boolean.TRUE.equals(UPGRADING.get(connection))
                || !(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        if (!GrizzlyGate.asksForWebSocket(request)) {
            // A plain HTTP request: its header, and the next request once it is complete, each get the whole
            // time to come. Not every piece of a body: one trickled a byte at a time is dropped at the deadline.
            boolean begun = Boolean.TRUE.equals(IN_REQUEST.get(connection));
            if (content.isLast()) {
                IN_REQUEST.remove(connection);
                handshakes.arm(connection);
            } else if (!begun) {
                IN_REQUEST.set(connection, Boolean.TRUE);
                handshakes.arm(connection);
            }
            return ctx.getInvokeAction();
        }
        if (!handshakes.disarm(connection)) {
            // Its deadline passed meanwhile: the sweeper is closing it, and it must not take a place under the
            // caps now (its close may already have been handled).
            connection.closeSilently();
            return ctx.getStopAction();
        }
        UPGRADING.set(connection, Boolean.TRUE);
        return ctx.getInvokeAction();
    }
}

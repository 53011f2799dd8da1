package dev.chorus.launcher;

import dev.chorus.deflate.DeflateOffer;
import dev.chorus.metrics.ChatMetrics;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;

/**
 * Gives each admitted WebSocket connection of a launcher listener its {@link FrameCheck}, right before Tyrus:
 * an unmasked client frame ends the connection with 1002, a data frame larger than any message may be with
 * 1009, before Tyrus sees (or buffers) it. Only upgrades the {@link GrizzlyGate} let through get this far.
 */
final class FrameCheckFilter extends BaseFilter {

    private static final System.Logger LOG = System.getLogger(FrameCheckFilter.class.getName());

    private static final Attribute<FrameCheck> FRAMES =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(FrameCheckFilter.class.getName() + ".frames");

    /**
     * Tyrus's handle on an upgraded connection, which its filter keeps in an attribute of this name (attributes
     * are shared by name). If a Tyrus version renames it, refused frames are closed by hand and the endpoint
     * hears {@code 1006} instead of the code.
     */
    private static final Attribute<org.glassfish.tyrus.spi.Connection> TYRUS =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyServerFilter.class.getName() + ".Connection");

    private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

    private final int maxMessageBytes;
    private final boolean compression;
    private final ChatMetrics metrics;

    /**
     * @param compression whether permessage-deflate may be negotiated: the upgrade's offers are then cut down to
     *     the one Chorus accepts before Tyrus reads them
     * @param metrics where a too-big frame is counted as a crossed limit
     */
    FrameCheckFilter(int maxMessageBytes, boolean compression, ChatMetrics metrics) {
        this.maxMessageBytes = maxMessageBytes;
        this.compression = compression;
        this.metrics = metrics;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        if (!(ctx.getMessage() instanceof HttpContent content)) {
            return ctx.getInvokeAction();
        }
        Connection<?> connection = ctx.getConnection();
        FrameCheck frames = FRAMES.get(connection);
        if (frames == null) {
            if (!(content.getHttpHeader() instanceof HttpRequestPacket request)
                    || !GrizzlyGate.asksForWebSocket(request)) {
                return ctx.getInvokeAction();
            }
            frames = new FrameCheck(maxMessageBytes); // frames sent in the same read as the request are its content
            FRAMES.set(connection, frames);
            if (compression) {
                settleOffers(request);
            }
        }
        if (frames.isBroken()) {
            // The rest of a refused frame (or whatever follows it) while Tyrus closes: dropped, never parsed.
            return ctx.getStopAction();
        }
        Optional<CloseReason> broken = frames.check(content.getContent());
        if (broken.isEmpty()) {
            return ctx.getInvokeAction();
        }
        close(ctx, broken.get());
        return ctx.getStopAction();
    }

    /**
     * Leaves Tyrus the one permessage-deflate offer Chorus accepts, or none: Tyrus would take the first offer
     * whatever its parameters, and an extension cannot decline one (RFC 7692 §5 wants unacceptable offers declined).
     */
    private static void settleOffers(HttpRequestPacket request) {
        List<String> offers = new ArrayList<>();
        request.getHeaders().values(EXTENSIONS).forEach(offers::add);
        if (offers.isEmpty()) {
            return;
        }
        boolean accepted = DeflateOffer.anyAcceptable(offers);
        request.getHeaders().removeHeader(EXTENSIONS);
        if (accepted) {
            request.addHeader(EXTENSIONS, DeflateOffer.NAME);
        }
    }

    private void close(FilterChainContext ctx, CloseReason reason) {
        if (reason == CloseReasons.TOO_BIG) {
            metrics.limitCrossed(reason);
        }
        Connection<?> connection = ctx.getConnection();
        LOG.log(
                Level.INFO,
                "Closing {0}: {1} ({2,number,#})",
                GrizzlyGate.client(connection),
                reason.getReasonPhrase(),
                reason.getCloseCode().getCode());
        // The close frame may wait behind data the client is not reading: the connection goes at the deadline.
        TyrusCloseWatch.closing(connection);
        org.glassfish.tyrus.spi.Connection tyrus = TYRUS.get(connection);
        if (tyrus == null) {
            // Frames in the upgrade request's own read: Tyrus has no connection yet.
            connection.write(Buffers.wrap(ctx.getMemoryManager(), Frames.close(reason)));
            connection.close();
            return;
        }
        try {
            // Tyrus sends the close frame, the endpoint hears this reason (the closes metric, the leave), and
            // Tyrus ends the connection after that frame, in its own write order.
            tyrus.close(reason);
        } catch (RuntimeException e) {
            LOG.log(Level.DEBUG, () -> "Tyrus could not close " + GrizzlyGate.client(connection) + ": " + e);
            connection.close();
        }
    }
}

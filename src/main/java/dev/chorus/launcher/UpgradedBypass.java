package dev.chorus.launcher;

import java.io.IOException;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;

/**
 * Lets go of a connection's upgrade request once Tyrus has taken the connection, and from then on carries its
 * bytes past Grizzly's HTTP codec. It sits right before the codec ({@link HttpServerFilter}).
 *
 * <p>After a 101 the codec takes the rest of the stream for the body of a request that never ends: it keeps the
 * parsed request (its headers, the 101 response, their chunks: about 10 KiB) in a connection attribute for the
 * connection's life, and hands each read up as content of it. Once Tyrus holds the connection, the filters
 * between the codec and Tyrus look at that content's bytes only, so this filter drops the attribute (the request
 * is garbage) and wraps each read itself, as the codec would, without a request behind it.
 */
final class UpgradedBypass extends BaseFilter {

    /** The codec's request in progress, by the name its filter gives it (attributes are shared by name). */
    private static final Attribute<Object> REQUEST =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);

    /** Tyrus's handle on an upgraded connection, by its filter's name for it (as {@link FrameCheckFilter}). */
    private static final Attribute<Object> TYRUS =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyServerFilter.class.getName() + ".Connection");

    /** Set once the request is let go: from then on the codec never sees this connection's bytes. */
    private static final Attribute<Boolean> RELEASED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(UpgradedBypass.class.getName() + ".released");

    /** After each read that reached the codec: if it was the upgrade Tyrus took, its request goes. */
    private static final FilterChainContext.CompletionListener AFTER_READ = ctx -> release(ctx.getConnection());

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (!release(connection)) {
            ctx.addCompletionListener(AFTER_READ);
            return ctx.getInvokeAction();
        }
        if (!TYRUS.isSet(connection)) {
            // Tyrus has let the connection go (it is closing): what still comes is nobody's.
            return ctx.getStopAction();
        }
        Buffer bytes = ctx.getMessage();
        ctx.setMessage(HttpContent.create(null, false, bytes));
        // The chain goes on after the codec, as if the codec had passed the bytes up.
        ctx.setFilterIdx(ctx.getFilterChain().indexOfType(HttpServerFilter.class));
        return ctx.getInvokeAction();
    }

    /** Whether {@code connection}'s upgrade request is let go (now, if Tyrus has just taken the connection). */
    private static boolean release(Connection<?> connection) {
        if (RELEASED.isSet(connection)) {
            return true;
        }
        if (!TYRUS.isSet(connection)) {
            return false;
        }
        RELEASED.set(connection, Boolean.TRUE);
        REQUEST.remove(connection);
        return true;
    }
}

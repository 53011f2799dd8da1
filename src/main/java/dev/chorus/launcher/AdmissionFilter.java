package dev.chorus.launcher;

import dev.chorus.chat.ChatRoom;
import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.ops.Replies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.memory.Buffers;

/**
 * Turns a WebSocket upgrade away with {@code 503} and {@code Retry-After} while the room admits nobody
 * (maintenance, draining). It sits before Tyrus's filter, so a refused client never reaches the endpoint;
 * every other request passes untouched.
 *
 * <p>After an upgrade, Grizzly's HTTP codec keeps handing the connection's WebSocket frames up as content of
 * the same upgrade request, so a connection let through is marked and never looked at again: maintenance
 * must not touch clients that are already in.
 */
final class AdmissionFilter extends BaseFilter {

    private static final Attribute<Boolean> ADMITTED =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(AdmissionFilter.class.getName() + ".admitted");

    private final ChatRoom room;
    private final long retryAfterSeconds;

    AdmissionFilter(ChatRoom room, long retryAfterSeconds) {
        this.room = room;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Object message = ctx.getMessage();
        if (!(message instanceof HttpContent content)
                || !isUpgrade(content.getHttpHeader())
                || ADMITTED.isSet(ctx.getConnection())) {
            return ctx.getInvokeAction();
        }
        Optional<Refusal> refusal = room.admit();
        if (refusal.isEmpty()) {
            ADMITTED.set(ctx.getConnection(), Boolean.TRUE);
            return ctx.getInvokeAction();
        }
        refuse(ctx, (HttpRequestPacket) content.getHttpHeader(), refusal.get());
        return ctx.getStopAction();
    }

    private static boolean isUpgrade(HttpHeader header) {
        return header.isRequest() && "websocket".equalsIgnoreCase(header.getUpgrade());
    }

    private void refuse(FilterChainContext ctx, HttpRequestPacket request, Refusal refusal) {
        byte[] body = Replies.object()
                .add("error", "unavailable")
                .add("reason", refusal.label())
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
        HttpResponsePacket response = request.getResponse();
        response.setProtocol(Protocol.HTTP_1_1);
        response.setStatus(503);
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        response.setHeader("Connection", "close");
        response.setContentType("application/json");
        response.setContentLength(body.length);
        Buffer buffer = Buffers.wrap(ctx.getMemoryManager(), body);
        ctx.write(HttpContent.builder(response).content(buffer).last(true).build(), new CloseAfterWrite(ctx));
    }

    /** The refused client asked for an upgrade, not for keep-alive: hang up once the 503 is out. */
    @SuppressWarnings("rawtypes") // FilterChainContext.write takes a handler of the raw WriteResult
    private static final class CloseAfterWrite extends EmptyCompletionHandler<WriteResult> {
        private final FilterChainContext ctx;

        CloseAfterWrite(FilterChainContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void completed(WriteResult result) {
            ctx.getConnection().closeSilently();
        }

        @Override
        public void failed(Throwable error) {
            ctx.getConnection().closeSilently();
        }
    }
}

package dev.chorus.launcher;

import dev.chorus.handshake.ConnectionCaps;
import dev.chorus.handshake.Introduction;
import dev.chorus.handshake.UpgradeGate;
import dev.chorus.handshake.UpgradeRequest;
import dev.chorus.handshake.Verdict;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.FilterChainEvent;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpEvents;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.http.Protocol;
import org.glassfish.grizzly.memory.Buffers;

/**
 * The launcher's adapter of the {@link UpgradeGate}: shows it each request before Tyrus does, answers a refusal
 * and hangs up, and holds an admitted connection's place under the caps until the connection closes, however
 * it closes. Once admitted, a connection is not looked at again: its WebSocket frames keep coming up as HTTP
 * content (of the upgrade request, then of none once {@link UpgradedBypass} takes them past the codec), and
 * maintenance must not touch clients already in.
 * Any other {@code Upgrade} (such as curl's and Java's {@code h2c}) is ignored, as RFC 9110 7.8 allows: the
 * request is served as plain HTTP/1.1.
 */
final class GrizzlyGate extends BaseFilter {

    /** An admitted connection's place under the caps; its address is the client's as the upgrade named it. */
    private static final Attribute<ConnectionCaps.Slot> SLOT =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyGate.class.getName() + ".slot");

    /**
     * Who the gate admitted on a connection (room, name, token identity), until the chat takes it at open: the one
     * way a header token's claims reach the chat, as a session shows no headers. Taken, so an idle connection
     * does not keep it.
     */
    private static final Attribute<Introduction> INTRODUCTION =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyGate.class.getName() + ".introduction");

    private static final String WEBSOCKET = "websocket";

    private final UpgradeGate gate;

    GrizzlyGate(UpgradeGate gate) {
        this.gate = gate;
    }

    @Override
    public NextAction handleRead(FilterChainContext ctx) throws IOException {
        Connection<?> connection = ctx.getConnection();
        if (SLOT.isSet(connection)
                || !(ctx.getMessage() instanceof HttpContent content)
                || !(content.getHttpHeader() instanceof HttpRequestPacket request)) {
            return ctx.getInvokeAction();
        }
        Verdict verdict = gate.decide(new UpgradeRequest(
                request.getMethod().getMethodString(),
                request.getRequestURI(),
                name -> values(request, name),
                address(connection),
                request.isSecure(),
                request.getQueryString()));
        if (verdict instanceof Verdict.Refuse refused) {
            refuse(ctx, request, refused);
            return ctx.getStopAction();
        }
        if (verdict instanceof Verdict.Admit admitted) {
            INTRODUCTION.set(connection, admitted.introduction());
            SLOT.set(connection, admitted.slot());
            if (!connection.isOpen()) {
                admitted.slot().release(); // closed meanwhile: its close may have gone by before the slot was set
            }
        }
        return ctx.getInvokeAction();
    }

    /**
     * Grizzly's codec takes any request with an {@code Upgrade} header for a protocol switch: it stops framing
     * the body (a GET's "body" is then whatever else comes, so a handler reading it waits for the connection to
     * end) and the answer loses its length and headers. It says so in this event, before it looks at the request
     * further: a request that does not ask for a WebSocket is turned back into plain HTTP/1.1 here, and one that
     * offers a WebSocket among others is left offering {@code websocket} alone, the only value Tyrus upgrades
     * (it would serve the page to an upgrade the gate has admitted).
     */
    @Override
    public NextAction handleEvent(FilterChainContext ctx, FilterChainEvent event) throws IOException {
        if (event.type() == HttpEvents.IncomingHttpUpgradeEvent.TYPE
                && event instanceof HttpEvents.IncomingHttpUpgradeEvent upgrade
                && upgrade.getHttpHeader() instanceof HttpRequestPacket request) {
            if (!asksForWebSocket(request)) {
                ignoreUpgrade(request);
            } else if (!WEBSOCKET.equalsIgnoreCase(request.getUpgrade())) {
                onlyWebSocket(request);
            }
        }
        return ctx.getInvokeAction();
    }

    private static void ignoreUpgrade(HttpHeader request) {
        request.getUpgradeDC().recycle(); // what isUpgrade() reads
        request.setIgnoreContentModifiers(false); // the codec frames the body again, and the response
        request.getHeaders().removeHeader("Upgrade");
        request.getHeaders().removeHeader("HTTP2-Settings");
    }

    /** {@code websocket, h2c}, or the two on separate lines, become {@code websocket}, in both places Tyrus reads. */
    private static void onlyWebSocket(HttpHeader request) {
        request.setUpgrade(WEBSOCKET);
        request.getHeaders().removeHeader("Upgrade");
        request.addHeader("Upgrade", WEBSOCKET);
    }

    /** Whoever closed it, and however: its place under the caps is given back. */
    @Override
    public NextAction handleClose(FilterChainContext ctx) throws IOException {
        ConnectionCaps.Slot slot = SLOT.remove(ctx.getConnection());
        if (slot != null) {
            slot.release();
        }
        return ctx.getInvokeAction();
    }

    /** The one translation of a refusal for Grizzly: the verdict's status, headers and body, then hang up. */
    private static void refuse(FilterChainContext ctx, HttpRequestPacket request, Verdict.Refuse refused) {
        HttpResponsePacket response = request.getResponse();
        response.setProtocol(Protocol.HTTP_1_1);
        response.setStatus(refused.status());
        response.setReasonPhrase(refused.statusText());
        refused.headers().forEach(response::setHeader);
        response.setHeader("Connection", "close");
        response.setContentType(refused.contentType());
        byte[] body = refused.bodyBytes();
        response.setContentLength(body.length);
        HttpContent reply = HttpContent.builder(response)
                .content(Buffers.wrap(ctx.getMemoryManager(), body))
                .last(true)
                .build();
        ctx.write(reply);
        ctx.getConnection().closeSilently(); // graceful: the reply goes out first
    }

    /** Whether {@code request} asks for a WebSocket, by the gate's one test. */
    static boolean asksForWebSocket(HttpRequestPacket request) {
        return UpgradeRequest.asksForWebSocket(values(request, "Upgrade"));
    }

    /** Every value of header {@code name}, one per line it came in. */
    private static List<String> values(HttpRequestPacket request, String name) {
        List<String> values = new ArrayList<>();
        request.getHeaders().values(name).forEach(values::add);
        return values;
    }

    /**
     * The client behind a trusted proxy on {@code connection}, if its upgrade named one other than the peer (for
     * the admin API's views); port 0 stands for "not known", as the client's port is not forwarded.
     */
    static Optional<InetSocketAddress> forwardedClient(Connection<?> connection) {
        ConnectionCaps.Slot slot = SLOT.get(connection);
        return slot == null || slot.address().equals(address(connection))
                ? Optional.empty()
                : Optional.of(InetSocketAddress.createUnresolved(slot.address(), 0));
    }

    /** Who the gate admitted on {@code connection}, once: the first call takes it. */
    static Optional<Introduction> takeIntroduction(Connection<?> connection) {
        return Optional.ofNullable(INTRODUCTION.remove(connection));
    }

    /** Where {@code connection} is from, as the log names it: the client behind a trusted proxy, once known. */
    static String client(Connection<?> connection) {
        ConnectionCaps.Slot slot = SLOT.get(connection);
        return slot != null ? slot.address() : address(connection);
    }

    private static String address(Connection<?> connection) {
        Object peer = connection.getPeerAddress();
        return peer instanceof InetSocketAddress inet && inet.getAddress() != null
                ? inet.getAddress().getHostAddress()
                : String.valueOf(peer);
    }
}

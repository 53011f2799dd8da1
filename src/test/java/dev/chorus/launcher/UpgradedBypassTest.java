package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.attributes.Attribute;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.filterchain.TransportFilter;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.nio.transport.TCPNIOServerConnection;
import org.glassfish.grizzly.nio.transport.TCPNIOTransport;
import org.glassfish.grizzly.nio.transport.TCPNIOTransportBuilder;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The upgrade request is let go once Tyrus holds the connection, and the frames still reach Tyrus's place. */
class UpgradedBypassTest {

    private static final Attribute<Object> REQUEST =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);
    private static final Attribute<Object> TYRUS =
            Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createAttribute(GrizzlyServerFilter.class.getName() + ".Connection");

    private final CompletableFuture<Connection<?>> upgraded = new CompletableFuture<>();
    private volatile boolean heldAtUpgrade;
    private final BlockingQueue<String> after = new LinkedBlockingQueue<>();
    private final TCPNIOTransport transport =
            TCPNIOTransportBuilder.newInstance().build();

    @AfterEach
    void stop() throws Exception {
        transport.shutdownNow();
    }

    @Test
    @SuppressWarnings("deprecation") // every constructor of Grizzly's HTTP codec is; the listener builds it so too
    void afterTheUpgradeTheCodecHoldsNoRequestAndTheBytesGoPastIt() throws Exception {
        transport.setProcessor(FilterChainBuilder.stateless()
                .add(new TransportFilter())
                .add(new UpgradedBypass())
                .add(new HttpServerFilter())
                .add(new TyrusStandIn())
                .build());
        TCPNIOServerConnection server = transport.bind("127.0.0.1", 0);
        transport.start();
        int port = ((InetSocketAddress) server.getLocalAddress()).getPort();
        try (Socket client = new Socket("127.0.0.1", port)) {
            OutputStream out = client.getOutputStream();
            out.write(("GET /chat HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Connection<?> connection = upgraded.get(10, TimeUnit.SECONDS);
            assertTrue(heldAtUpgrade, "the codec kept its request under another attribute name");

            out.write("frames".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String frames = after.poll(10, TimeUnit.SECONDS);

            assertNotNull(frames, "the bytes after the upgrade never reached the filter after the codec");
            assertEquals("past the codec: frames", frames);
            assertFalse(REQUEST.isSet(connection), "the codec still holds the upgrade request");
        }
    }

    /** Takes the upgrade as Tyrus does (its connection attribute set), then collects what comes after. */
    private final class TyrusStandIn extends BaseFilter {
        @Override
        public NextAction handleRead(FilterChainContext ctx) {
            HttpContent content = ctx.getMessage();
            Connection<?> connection = ctx.getConnection();
            if (TYRUS.isSet(connection)) {
                String bytes = content.getContent().toStringContent(StandardCharsets.US_ASCII);
                after.add((content.getHttpHeader() == null ? "past the codec: " : "through the codec: ") + bytes);
            } else {
                heldAtUpgrade = REQUEST.isSet(connection);
                TYRUS.set(connection, Boolean.TRUE);
                upgraded.complete(connection);
            }
            return ctx.getStopAction();
        }
    }
}

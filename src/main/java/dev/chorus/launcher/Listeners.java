package dev.chorus.launcher;

import java.net.URI;
import java.net.URISyntaxException;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.server.HttpServerFilter;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.grizzly.strategies.WorkerThreadIOStrategy;
import org.glassfish.tyrus.container.grizzly.server.GrizzlyServerFilter;
import org.glassfish.tyrus.container.grizzly.server.WebSocketAddOn;

/** Builds the launcher's Grizzly listeners: the socket and the page on one port, plain or TLS. */
final class Listeners {

    private Listeners() {}

    /**
     * A listener on {@code host:port} carrying {@code container}'s WebSocket behind {@code front}; TLS when
     * {@code tls} is given.
     */
    static NetworkListener create(
            String name, String host, int port, ChatContainer container, FrontFilters front, SSLContext tls) {
        NetworkListener listener = new NetworkListener(name, host, port);
        // Grizzly's file cache sits before the WebSocket filter: once it holds index.html it would answer
        // upgrades on "/" with the page. The static handler caches nothing either.
        listener.getFileCache().setEnabled(false);
        // A WebSocket may be idle for long; liveness is the heartbeat's business, not HTTP keep-alive's.
        listener.getKeepAlive().setIdleTimeoutInSeconds(-1);
        listener.getTransport().setIOStrategy(WorkerThreadIOStrategy.getInstance());
        listener.registerAddOn(new WebSocketAddOn(container, container.contextPath()));
        // The gate goes right in front of Tyrus, so a bad handshake is answered before Tyrus sees it.
        listener.registerAddOn((network, chain) -> {
            int tyrus = chain.indexOfType(GrizzlyServerFilter.class);
            front.insertAt(chain, tyrus >= 0 ? tyrus : chain.indexOfType(HttpServerFilter.class));
            // Once upgraded, a connection's bytes go past the HTTP codec, which then lets its request go.
            chain.add(chain.indexOfType(org.glassfish.grizzly.http.HttpServerFilter.class), new UpgradedBypass());
        });
        if (tls != null) {
            SSLEngineConfigurator engines = new SSLEngineConfigurator(tls, false, false, false);
            engines.setEnabledProtocols(TlsContext.PROTOCOLS);
            listener.setSecure(true);
            listener.setSSLEngineConfig(engines);
        }
        return listener;
    }

    /** {@code ws}/{@code http} or, on a TLS listener, {@code wss}/{@code https}, at the root. */
    static URI uri(NetworkListener listener, boolean socket) {
        String scheme = socket ? (listener.isSecure() ? "wss" : "ws") : (listener.isSecure() ? "https" : "http");
        try {
            return new URI(scheme, null, listener.getHost(), listener.getPort(), "/", null, null);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("unusable host " + listener.getHost(), e);
        }
    }
}

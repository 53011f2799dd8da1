package dev.chorus.handshake;

import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The parts of an HTTP request the handshake rules look at, whatever server parsed it.
 *
 * @param method the HTTP method
 * @param header a header's value by name (case-insensitive), or null
 * @param secure whether the request came over TLS (for the server's own origin)
 */
public record UpgradeRequest(String method, UnaryOperator<String> header, boolean secure) {

    /** Whether the client asks for a WebSocket at all; other requests are none of these rules' business. */
    public boolean isWebSocketUpgrade() {
        String upgrade = header.apply("Upgrade");
        return upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket");
    }
}

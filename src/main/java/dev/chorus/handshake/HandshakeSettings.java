package dev.chorus.handshake;

import java.time.Duration;

/**
 * The handshake's settings.
 *
 * @param origins which browser origins may connect
 * @param maxConnections open connections the server accepts in all
 * @param maxConnectionsPerAddress open connections one remote address may hold
 * @param timeout how long a connection may take to send its request headers (the launcher)
 * @param proxies the reverse proxies whose forwarding headers name the client (the launcher)
 */
public record HandshakeSettings(
        OriginPolicy origins,
        int maxConnections,
        int maxConnectionsPerAddress,
        Duration timeout,
        TrustedProxies proxies) {

    /** Who sent a request, by {@link #proxies}. */
    public Forwarding forwarding() {
        return new Forwarding(proxies);
    }

    public HandshakeRules rules() {
        return new HandshakeRules(origins);
    }

    /** A new tally under these caps: one per deployment, shared by all its listeners. */
    public ConnectionCaps caps() {
        return new ConnectionCaps(maxConnections, maxConnectionsPerAddress);
    }
}

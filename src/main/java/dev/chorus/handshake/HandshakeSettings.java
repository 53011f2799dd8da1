package dev.chorus.handshake;

import java.time.Duration;

/**
 * The handshake's settings.
 *
 * @param origins which browser origins may connect
 * @param maxConnections open connections the server accepts in all
 * @param maxConnectionsPerAddress open connections one remote address may hold
 * @param timeout how long a connection may take to send its request headers (the launcher)
 */
public record HandshakeSettings(
        OriginPolicy origins, int maxConnections, int maxConnectionsPerAddress, Duration timeout) {

    public HandshakeRules rules() {
        return new HandshakeRules(origins, maxConnections, maxConnectionsPerAddress);
    }
}

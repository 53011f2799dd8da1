package dev.chorus.settings;

import dev.chorus.identity.TokenKey;
import java.time.Duration;
import java.util.Optional;

/**
 * The handshake's settings (the handshake package turns them into its rules and its forwarding).
 *
 * @param origins which browser origins may connect
 * @param maxConnections open connections the server accepts in all
 * @param maxConnectionsPerAddress open connections one remote address may hold
 * @param timeout how long a connection may take to send its request headers (the launcher)
 * @param proxies the reverse proxies whose forwarding headers name the client (the launcher)
 * @param tokenKey what signs the tokens every upgrade must carry; empty: no token is asked for
 */
public record HandshakeSettings(
        OriginPolicy origins,
        int maxConnections,
        int maxConnectionsPerAddress,
        Duration timeout,
        TrustedProxies proxies,
        Optional<TokenKey> tokenKey) {}

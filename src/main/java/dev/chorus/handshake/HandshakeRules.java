package dev.chorus.handshake;

import dev.chorus.settings.HandshakeSettings;
import dev.chorus.settings.OriginPolicy;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * Decides whether a WebSocket upgrade request may proceed, before any upgrade happens: RFC 6455's method,
 * connection, key and version rules, the Origin allow-list and the connection caps (in all and per remote
 * address). Malformed requests get 400, a wrong version 426 with the version we speak, a foreign origin 403,
 * a full server 503. The caps are checked against the counts the caller gives: the launcher checks and counts
 * an upgrade in one step, so its caps hold exactly; a WAR counts the clients already in, so there upgrades that
 * arrive at the same moment may together go a few over.
 */
public final class HandshakeRules {

    private static final int KEY_BYTES = 16;
    private static final int KEY_CHARS = 24;

    private final OriginPolicy origins;
    private final int maxConnections;
    private final int maxPerAddress;

    public HandshakeRules(OriginPolicy origins, int maxConnections, int maxPerAddress) {
        this.origins = origins;
        this.maxConnections = maxConnections;
        this.maxPerAddress = maxPerAddress;
    }

    /** The rules {@code settings} call for. */
    public static HandshakeRules from(HandshakeSettings settings) {
        return new HandshakeRules(settings.origins(), settings.maxConnections(), settings.maxConnectionsPerAddress());
    }

    /**
     * @param open the connections already open (or being opened) on this server
     * @param openFromAddress counts those of them from the request's remote address; asked last, as it may
     *     cost a look at every client
     * @return why {@code request} is refused, or empty if it may proceed
     */
    public Optional<Rejection> check(UpgradeRequest request, int open, IntSupplier openFromAddress) {
        if (!"GET".equals(request.method())) {
            return Optional.of(new Rejection(405, "a WebSocket upgrade must be a GET", Map.of("Allow", "GET")));
        }
        if (!asksToUpgrade(request.header().apply("Connection"))) {
            return Optional.of(Rejection.of(400, "Connection must include Upgrade"));
        }
        if (!"13".equals(trimmed(request.header().apply("Sec-WebSocket-Version")))) {
            return Optional.of(
                    new Rejection(426, "unsupported Sec-WebSocket-Version", Map.of("Sec-WebSocket-Version", "13")));
        }
        if (!isValidKey(request.header().apply("Sec-WebSocket-Key"))) {
            return Optional.of(Rejection.of(400, "Sec-WebSocket-Key must be 16 bytes in base64"));
        }
        if (!origins.allows(request.header().apply("Origin"), request.header().apply("Host"), request.secure())) {
            return Optional.of(Rejection.of(403, "origin not allowed"));
        }
        if (open >= maxConnections) {
            return full("too many connections");
        }
        if (openFromAddress.getAsInt() >= maxPerAddress) {
            return full("too many connections from one address");
        }
        return Optional.empty();
    }

    /** A cap is reached: 503, and come back in a few seconds. */
    private static Optional<Rejection> full(String reason) {
        return Optional.of(new Rejection(503, reason, Map.of("Retry-After", "5")));
    }

    /** RFC 6455 4.1: the Connection header's tokens include "Upgrade" (any case), e.g. "keep-alive, Upgrade". */
    private static boolean asksToUpgrade(String connection) {
        if (connection == null) {
            return false;
        }
        for (String token : connection.split(",")) {
            if (token.trim().equalsIgnoreCase("upgrade")) {
                return true;
            }
        }
        return false;
    }

    /** Base64 of 16 bytes is exactly 24 characters, padding included (RFC 6455 4.1 wants it that way). */
    private static boolean isValidKey(String key) {
        if (key == null || key.trim().length() != KEY_CHARS) {
            return false;
        }
        try {
            return Base64.getDecoder().decode(key.trim()).length == KEY_BYTES;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}

package dev.chorus.handshake;

import dev.chorus.settings.HandshakeSettings;
import dev.chorus.settings.OriginPolicy;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * What a WebSocket upgrade request itself must be, before any upgrade happens: RFC 6455's method, connection,
 * key and version rules, and the Origin allow-list. Malformed requests get 400, a wrong version 426 with the
 * version we speak, a foreign origin 403. (The connection caps are {@link ConnectionCaps}'.)
 */
public final class HandshakeRules {

    private static final int KEY_BYTES = 16;
    private static final int KEY_CHARS = 24;

    private final OriginPolicy origins;

    public HandshakeRules(OriginPolicy origins) {
        this.origins = origins;
    }

    /** The rules {@code settings} call for. */
    public static HandshakeRules from(HandshakeSettings settings) {
        return new HandshakeRules(settings.origins());
    }

    /**
     * @param client who sent it: the host and scheme it asked for decide what its own origin is
     * @return why {@code request} is refused, or empty if it may proceed
     */
    public Optional<Rejection> check(UpgradeRequest request, Requester client) {
        if (!"GET".equals(request.method())) {
            return Optional.of(new Rejection(405, "a WebSocket upgrade must be a GET", Map.of("Allow", "GET")));
        }
        if (!asksToUpgrade(request.header("Connection"))) {
            return Optional.of(Rejection.of(400, "Connection must include Upgrade"));
        }
        if (!"13".equals(trimmed(request.header("Sec-WebSocket-Version")))) {
            return Optional.of(
                    new Rejection(426, "unsupported Sec-WebSocket-Version", Map.of("Sec-WebSocket-Version", "13")));
        }
        if (!isValidKey(request.header("Sec-WebSocket-Key"))) {
            return Optional.of(Rejection.of(400, "Sec-WebSocket-Key must be 16 bytes in base64"));
        }
        if (!origins.allows(request.header("Origin"), client.host(), client.secure())) {
            return Optional.of(Rejection.of(403, "origin not allowed"));
        }
        return Optional.empty();
    }

    /** RFC 6455 4.1: the Connection header's tokens include "Upgrade" (any case), e.g. "keep-alive, Upgrade". */
    private static boolean asksToUpgrade(String connection) {
        return connection != null && UpgradeRequest.lists(connection, "upgrade");
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

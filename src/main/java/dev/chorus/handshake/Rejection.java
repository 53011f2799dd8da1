package dev.chorus.handshake;

import java.util.Map;

/**
 * Why an upgrade request is refused: the HTTP status to answer, a short reason for the body and the log,
 * and any header the client needs (e.g. {@code Sec-WebSocket-Version: 13} with 426).
 */
public record Rejection(int status, String reason, Map<String, String> headers) {

    static Rejection of(int status, String reason) {
        return new Rejection(status, reason, Map.of());
    }

    /** The status line's reason phrase, for servers that do not know every status (Grizzly says CUSTOM for 426). */
    public String statusText() {
        return switch (status) {
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 405 -> "Method Not Allowed";
            case 426 -> "Upgrade Required";
            case 503 -> "Service Unavailable";
            default -> "Refused";
        };
    }
}

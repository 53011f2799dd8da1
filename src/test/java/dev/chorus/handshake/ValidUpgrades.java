package dev.chorus.handshake;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The headers of a well-formed upgrade without an {@code Origin}, as the gate tests start from (a fresh map). */
final class ValidUpgrades {

    private ValidUpgrades() {}

    static Map<String, List<String>> headers() {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("Host", List.of("own.example:9001"));
        headers.put("Upgrade", List.of("websocket"));
        headers.put("Connection", List.of("Upgrade"));
        headers.put("Sec-WebSocket-Version", List.of("13"));
        headers.put("Sec-WebSocket-Key", List.of("dGhlIHNhbXBsZSBub25jZQ=="));
        return headers;
    }
}

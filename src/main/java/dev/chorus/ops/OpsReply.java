package dev.chorus.ops;

import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An operations endpoint's answer: status, body and any extra headers.
 *
 * @param headers extra response headers, e.g. {@code Retry-After}
 */
public record OpsReply(int status, String contentType, String body, Map<String, String> headers) {

    public static final String JSON = "application/json";

    public static OpsReply json(int status, JsonValue body) {
        return new OpsReply(status, JSON, body.toString(), Map.of());
    }

    public static OpsReply json(int status, JsonValue body, Map<String, String> headers) {
        return new OpsReply(status, JSON, body.toString(), headers);
    }

    /** Every header the reply goes out with: its content type, never cached, then its own. */
    public Map<String, String> allHeaders() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", contentType);
        all.put("Cache-Control", "no-store");
        all.putAll(headers);
        return all;
    }

    /** The body as it goes out, in UTF-8. */
    public byte[] bytes() {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}

package dev.chorus.ops;

import jakarta.json.JsonValue;
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
}

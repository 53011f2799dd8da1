package dev.chorus.ops;

import jakarta.json.Json;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObjectBuilder;
import java.util.Map;

/** The small JSON replies every operations endpoint gives, from one JSON-P factory looked up once. */
public final class Replies {

    /** JSON-P's provider lookup is a ServiceLoader scan: do it once, not per reply. */
    public static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

    private Replies() {}

    /** {@code {"error": why}} with {@code status}. */
    public static OpsReply error(int status, String why) {
        return OpsReply.json(
                status, JSON.createObjectBuilder().add("error", why).build());
    }

    /** {@code {"error": error, "detail": detail}} with {@code status}: what went wrong, then what to do. */
    public static OpsReply error(int status, String error, String detail) {
        return error(status, error, detail, Map.of());
    }

    /** The same, with extra response {@code headers} (e.g. {@code Retry-After}, {@code Allow}). */
    public static OpsReply error(int status, String error, String detail, Map<String, String> headers) {
        return OpsReply.json(
                status,
                JSON.createObjectBuilder()
                        .add("error", error)
                        .add("detail", detail)
                        .build(),
                headers);
    }

    public static OpsReply notFound() {
        return error(404, "not found");
    }

    public static OpsReply methodNotAllowed(String allowed) {
        return new OpsReply(
                405,
                OpsReply.JSON,
                JSON.createObjectBuilder()
                        .add("error", "method not allowed")
                        .build()
                        .toString(),
                Map.of("Allow", allowed));
    }

    public static JsonObjectBuilder object() {
        return JSON.createObjectBuilder();
    }
}

package dev.chorus.ops;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;

/**
 * One HTTP request to an operations endpoint, as both adapters (the launcher's Grizzly handler and the WAR's
 * servlet) hand it over: nothing container-specific gets further.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the path below the endpoint's own, e.g. {@code /ready} under {@code /health}; empty at its root
 * @param headers a request header by name (case-insensitive), or null
 * @param parameters a query parameter by name, or null
 * @param body the request body's bytes as they came (empty if none), at most the adapter's limit; never changed
 */
public record OpsRequest(
        String method,
        String path,
        Function<String, String> headers,
        Function<String, String> parameters,
        byte[] body) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.apply(name));
    }

    /**
     * The body as UTF-8 text, malformed bytes replaced (U+FFFD): for endpoints that take any text. One that must
     * refuse malformed text decodes {@link #body} itself ({@code dev.chorus.protocol.Utf8#decode}).
     */
    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}

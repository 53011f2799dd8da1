package dev.chorus.ops;

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
 * @param body the request body as UTF-8 text (empty if none)
 */
public record OpsRequest(
        String method,
        String path,
        Function<String, String> headers,
        Function<String, String> parameters,
        String body) {

    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }

    public Optional<String> parameter(String name) {
        return Optional.ofNullable(parameters.apply(name));
    }
}

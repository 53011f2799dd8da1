package dev.chorus.client;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.HandshakeResponse;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.tyrus.spi.UpgradeResponse;

/**
 * One opening handshake, from Tyrus's side: writes the options' Origin and extra headers into the upgrade
 * request, and keeps the server's answer (status, reason phrase, headers) so a refusal can be reported with
 * the server's own words. Both directions are shown to the options' {@link HandshakeObserver}.
 */
final class HandshakeExchange extends ClientEndpointConfig.Configurator {

    /** The server's answer to the upgrade request. */
    record Response(int status, String reasonPhrase, Map<String, List<String>> headers) {}

    private final URI uri;
    private final ClientOptions options;
    private final CompletableFuture<Response> response = new CompletableFuture<>();

    HandshakeExchange(URI uri, ClientOptions options) {
        this.uri = uri;
        this.options = options;
    }

    @Override
    public void beforeRequest(Map<String, List<String>> headers) {
        // Tyrus's map ignores the case of names, so an option replaces the header Tyrus put there itself.
        if (options.origin() != null) {
            headers.put("Origin", List.of(options.origin()));
        }
        headers.putAll(options.headers());
        options.observer().request(uri, snapshot(headers));
    }

    @Override
    public void afterResponse(HandshakeResponse handshakeResponse) {
        if (!(handshakeResponse instanceof UpgradeResponse upgrade)) {
            return; // Tyrus always hands over its own UpgradeResponse: the only kind with the status line
        }
        String phrase = upgrade.getReasonPhrase() == null ? "" : upgrade.getReasonPhrase();
        Response answer = new Response(upgrade.getStatus(), phrase, snapshot(upgrade.getHeaders()));
        options.observer().response(answer.status(), answer.reasonPhrase(), answer.headers());
        response.complete(answer);
    }

    /**
     * The server's answer, waiting at most {@code timeout} for it: Tyrus fails the connect just before it
     * reports the response that made it fail, on another thread.
     */
    Optional<Response> response(Duration timeout) throws InterruptedException {
        try {
            return Optional.of(response.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (ExecutionException | TimeoutException e) {
            return Optional.empty();
        }
    }

    private static Map<String, List<String>> snapshot(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}

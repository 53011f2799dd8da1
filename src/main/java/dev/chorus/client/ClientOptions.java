package dev.chorus.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to open a connection: the handshake's extra headers, the subprotocols to offer, whom to trust for
 * {@code wss}, how long the handshake may take, and who watches it. Immutable; each {@code with…} returns a
 * changed copy.
 *
 * @param origin the {@code Origin} header to send, or {@code null} for Tyrus's own ({@code http://HOST:PORT})
 * @param headers extra handshake headers, in the order given; a name given twice is sent with both values
 * @param subprotocols the subprotocols to offer, preferred first; the server picks at most one
 * @param trust whom to trust when the URI is {@code wss}
 * @param handshakeTimeout the longest the opening handshake (TCP, TLS and HTTP upgrade) may take, and the
 *     longest {@link ChatClient#close} waits for the server's answering close before it drops the connection
 * @param observer sees the handshake's request and response headers (the command line's {@code --verbose})
 */
public record ClientOptions(
        String origin,
        Map<String, List<String>> headers,
        List<String> subprotocols,
        TlsTrust trust,
        Duration handshakeTimeout,
        HandshakeObserver observer) {

    /** The handshake timeout unless one is given. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public ClientOptions {
        headers = frozen(headers);
        subprotocols = List.copyOf(subprotocols);
        Objects.requireNonNull(trust, "trust");
        Objects.requireNonNull(observer, "observer");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("the handshake timeout must be positive: " + handshakeTimeout);
        }
    }

    /** Tyrus's own Origin, no extra headers or subprotocols, the JDK's trust store, a 10 s handshake. */
    public static ClientOptions defaults() {
        return new ClientOptions(
                null, Map.of(), List.of(), TlsTrust.systemDefault(), DEFAULT_TIMEOUT, HandshakeObserver.NONE);
    }

    public ClientOptions withOrigin(String newOrigin) {
        return new ClientOptions(newOrigin, headers, subprotocols, trust, handshakeTimeout, observer);
    }

    /** Adds a handshake header; {@code name} replaces a header Tyrus would send itself (e.g. User-Agent). */
    public ClientOptions withHeader(String name, String value) {
        Map<String, List<String>> more = new LinkedHashMap<>(headers);
        List<String> values = new ArrayList<>(more.getOrDefault(name, List.of()));
        values.add(value);
        more.put(name, values);
        return new ClientOptions(origin, more, subprotocols, trust, handshakeTimeout, observer);
    }

    public ClientOptions withSubprotocols(List<String> offered) {
        return new ClientOptions(origin, headers, offered, trust, handshakeTimeout, observer);
    }

    public ClientOptions withTrust(TlsTrust newTrust) {
        return new ClientOptions(origin, headers, subprotocols, newTrust, handshakeTimeout, observer);
    }

    public ClientOptions withHandshakeTimeout(Duration timeout) {
        return new ClientOptions(origin, headers, subprotocols, trust, timeout, observer);
    }

    public ClientOptions withObserver(HandshakeObserver newObserver) {
        return new ClientOptions(origin, headers, subprotocols, trust, handshakeTimeout, newObserver);
    }

    private static Map<String, List<String>> frozen(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }
}

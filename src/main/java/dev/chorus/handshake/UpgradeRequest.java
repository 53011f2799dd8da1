package dev.chorus.handshake;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The parts of an HTTP request the upgrade gate looks at, whatever server parsed it.
 *
 * <p>Whether a request asks for a WebSocket at all ({@link #asksForWebSocket}) is decided by the
 * {@code Upgrade} header alone: one of its comma-separated tokens (over every line of it) is {@code websocket},
 * in any case, optionally with a {@code /version} (RFC 7230 6.7 and RFC 6455 4.2.1). Such a request is the
 * gate's business, and a missing {@code Connection: Upgrade} token is one of the rules it breaks (400, as
 * before), not a reason to let it through as plain HTTP. This replaces four older tests: an exact {@code
 * equalsIgnoreCase} (which missed {@code websocket, h2c}) and three substring tests (which also took
 * {@code xwebsocket}); every browser, Java, Node and curl client sends exactly {@code websocket}, which all of
 * them accepted and this accepts too, and {@code h2c} (Java's HttpClient on plain GETs) none of them took.
 *
 * @param method the HTTP method
 * @param path the request's path within the application (a WAR's context path left off), undecoded: it names
 *     the room ({@code /}, {@code /rooms/NAME})
 * @param headers every value of a header by name (case-insensitive), one per line it came in; empty if none
 * @param peer the address the connection comes from
 * @param secure whether the connection itself is TLS
 * @param query the request's query string, undecoded, without the {@code ?}; null if it has none
 */
public record UpgradeRequest(
        String method, String path, Function<String, List<String>> headers, String peer, boolean secure, String query) {

    /** A request without a query string. */
    public UpgradeRequest(
            String method, String path, Function<String, List<String>> headers, String peer, boolean secure) {
        this(method, path, headers, peer, secure, null);
    }

    /** Without the query, which may carry a token: nothing that logs a request may show it. */
    @Override
    public String toString() {
        return "UpgradeRequest[" + method + " " + path + " from " + peer + (secure ? ", TLS" : "") + "]";
    }

    /** The first value of header {@code name}, or null (what servers' single-value lookups give). */
    public String header(String name) {
        List<String> values = headers.apply(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** Whether the client asks for a WebSocket at all: see the class comment. */
    public boolean isWebSocketUpgrade() {
        return asksForWebSocket(headers.apply("Upgrade"));
    }

    /** Whether any of these {@code Upgrade} header values lists the {@code websocket} token. */
    public static boolean asksForWebSocket(Iterable<String> upgradeValues) {
        if (upgradeValues == null) {
            return false;
        }
        for (String value : upgradeValues) {
            if (value != null && lists(value, UpgradeRequest::isWebSocket)) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of comma-separated {@code list}'s items, trimmed, is {@code token} in any case. */
    static boolean lists(String list, String token) {
        return lists(list, item -> item.equalsIgnoreCase(token));
    }

    private static boolean lists(String list, Predicate<String> wanted) {
        for (String item : list.split(",", -1)) {
            if (wanted.test(item.trim())) {
                return true;
            }
        }
        return false;
    }

    /** {@code websocket}, any case, maybe with a version ({@code websocket/13}: nobody sends one, all took it). */
    private static boolean isWebSocket(String protocol) {
        String lower = protocol.toLowerCase(Locale.ROOT);
        return lower.equals("websocket") || lower.startsWith("websocket/");
    }
}

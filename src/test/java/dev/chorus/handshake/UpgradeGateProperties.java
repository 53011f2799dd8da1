package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.OriginPolicy;
import dev.chorus.settings.TrustedProxies;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Every header of an upgrade request is the client's to write: against arbitrary values the gate never throws,
 * and it never admits a request that is not a well-formed WebSocket upgrade (checked here by a plainer reading of
 * the same rules), nor keeps a place under the caps for one it refused.
 */
class UpgradeGateProperties {

    private static final String[] NAMES = {
        "Upgrade", "Connection", "Sec-WebSocket-Version", "Sec-WebSocket-Key", "Origin", "Host", "X-Forwarded-For"
    };

    @Property
    void arbitraryHeadersNeverMakeTheGateThrowOrAdmitANonUpgrade(
            @ForAll("methods") String method,
            @ForAll("headerLines") List<List<String>> lines,
            @ForAll boolean behindProxy) {
        Map<String, List<String>> headers = new HashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            if (!lines.get(i).isEmpty()) {
                headers.put(NAMES[i], lines.get(i));
            }
        }
        ConnectionCaps caps = new ConnectionCaps(100, 100);
        UpgradeGate gate = new UpgradeGate(
                new GateDoor(),
                new HandshakeRules(OriginPolicy.parse("", false)),
                caps,
                new Forwarding(TrustedProxies.parse("127.0.0.1")),
                5);
        UpgradeRequest request = UpgradeGateTest.request(method, headers, behindProxy ? "127.0.0.1" : "192.0.2.1");

        Verdict verdict = gate.decide(request);
        Statistics.label("verdict").collect(verdict.getClass().getSimpleName());

        if (verdict instanceof Verdict.Admit) {
            assertTrue(isWellFormedUpgrade(method, headers), () -> "admitted " + method + " " + headers);
            assertTrue(caps.total() == 1, "one place taken");
        } else {
            assertTrue(caps.total() == 0, () -> verdict + " kept a place");
        }
        if (!isWebSocket(headers)) {
            assertTrue(verdict == Verdict.PASS, () -> "not an upgrade, yet " + verdict);
        }
    }

    /** The rules, read plainly: GET, the two tokens, version 13, a 16-byte key. */
    private static boolean isWellFormedUpgrade(String method, Map<String, List<String>> headers) {
        String key = first(headers, "Sec-WebSocket-Key").trim();
        return method.equals("GET")
                && isWebSocket(headers)
                && tokens(first(headers, "Connection")).contains("upgrade")
                && first(headers, "Sec-WebSocket-Version").trim().equals("13")
                && key.length() == 24
                && key.matches("[A-Za-z0-9+/]{22}==")
                && Base64.getDecoder().decode(key).length == 16;
    }

    private static boolean isWebSocket(Map<String, List<String>> headers) {
        return headers.getOrDefault("Upgrade", List.of()).stream()
                .flatMap(line -> tokens(line).stream())
                .anyMatch(token -> token.equals("websocket") || token.startsWith("websocket/"));
    }

    private static List<String> tokens(String line) {
        return List.of(line.split(",", -1)).stream()
                .map(token -> token.trim().toLowerCase(Locale.ROOT))
                .toList();
    }

    private static String first(Map<String, List<String>> headers, String name) {
        List<String> values = headers.getOrDefault(name, List.of());
        return values.isEmpty() ? "" : values.get(0);
    }

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("GET")),
                Tuple.of(1, Arbitraries.of("POST", "get", "HEAD", "")),
                Tuple.of(1, Arbitraries.strings().ofMaxLength(8)));
    }

    /** Per header in {@link #NAMES}: its lines, often the value a good client sends, else pieces of one, or anything. */
    @Provide
    Arbitrary<List<List<String>>> headerLines() {
        List<Arbitrary<List<String>>> headers = new ArrayList<>();
        for (String good : GOOD) {
            Arbitrary<String> line = Arbitraries.frequencyOf(
                    Tuple.of(12, Arbitraries.just(good)),
                    Tuple.of(2, pieces()),
                    Tuple.of(1, Arbitraries.strings().ofMaxLength(60)));
            headers.add(Arbitraries.frequencyOf(
                    Tuple.of(6, line.list().ofSize(1)), Tuple.of(1, line.list().ofMaxSize(2))));
        }
        return Combinators.combine(headers).as(lines -> lines);
    }

    /** What a good client sends, header by header in {@link #NAMES}. */
    private static final List<String> GOOD = List.of(
            "websocket",
            "Upgrade",
            "13",
            "dGhlIHNhbXBsZSBub25jZQ==",
            "http://localhost:1",
            "own.example",
            "203.0.113.9");

    private static Arbitrary<String> pieces() {
        return Arbitraries.of(
                        "websocket",
                        "WebSocket",
                        "webſocket",
                        "upgrade",
                        "Upgrade",
                        "keep-alive",
                        "h2c",
                        "/13",
                        ",",
                        " ",
                        "\t",
                        "13",
                        " 13 ",
                        "dGhlIHNhbXBsZSBub25jZQ==",
                        "AAAAAAAAAAAAAAAAAAAAAA==",
                        "=",
                        "http://localhost:1",
                        "https://evil.example",
                        "own.example",
                        "203.0.113.9",
                        "unknown",
                        "\u0000")
                .list()
                .ofMaxSize(6)
                .map(parts -> String.join("", parts));
    }
}

package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.settings.OriginPolicy;
import dev.chorus.settings.TrustedProxies;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The upgrade gate as a plain function: each refusal, what it says, and who is told; no server. */
class UpgradeGateTest {

    private static final String PEER = "192.0.2.7";
    private final GateDoor door = new GateDoor();
    private final UpgradeGate gate = gate(OriginPolicy.parse("", false), 3, 2, TrustedProxies.NONE);

    @ParameterizedTest(name = "Upgrade: ''{0}'' asks for a WebSocket: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "websocket|true",
                "WebSocket|true",
                "WEBSOCKET|true",
                " websocket |true",
                "websocket, h2c|true",
                "h2c, WebSocket|true",
                "websocket/13|true",
                "h2c|false",
                "xwebsocket|false",
                "websockets|false",
                "web socket|false",
                "''|false",
                ",|false"
            })
    void theOneUpgradeTestReadsTheUpgradeHeadersTokens(String upgrade, boolean asks) {
        assertEquals(asks, UpgradeRequest.asksForWebSocket(List.of(upgrade)));
        assertEquals(asks, request(Map.of("Upgrade", List.of(upgrade))).isWebSocketUpgrade());
    }

    @Test
    void anUpgradeNamedOnASecondHeaderLineCountsAndNoHeaderDoesNot() {
        assertEquals(true, UpgradeRequest.asksForWebSocket(List.of("h2c", "websocket")));
        assertEquals(false, UpgradeRequest.asksForWebSocket(List.of()));
        assertEquals(false, UpgradeRequest.asksForWebSocket(null));
    }

    @Test
    void aPlainRequestPassesWithoutAskingTheRoom() {
        Map<String, List<String>> headers = valid();
        headers.put("Upgrade", List.of("h2c"));

        assertSame(Verdict.PASS, gate.decide(request("GET", headers)));
        assertEquals(0, door.asked);
        assertEquals(0, gate.caps().total());
    }

    @Test
    void aWellFormedUpgradeIsAdmittedWithAPlaceThatGoesBackOnce() {
        Verdict.Admit admitted = assertInstanceOf(Verdict.Admit.class, gate.decide(request("GET", valid())));

        assertEquals(PEER, admitted.client().address());
        assertEquals(1, gate.caps().from(PEER));
        admitted.slot().release();
        admitted.slot().release();
        assertEquals(0, gate.caps().total());
        assertEquals(List.of(), door.refusals);
    }

    @Test
    void whileTheRoomTakesNobodyAnUpgradeGets503WithRetryAfterAndAJsonBody() {
        door.closed = Optional.of(Refusal.DRAINING);
        Map<String, List<String>> headers = valid();
        headers.remove("Sec-WebSocket-Key"); // the room's say comes first

        Verdict.Refuse refused = refuse(request("POST", headers));

        assertEquals(503, refused.status());
        assertEquals("draining", refused.reason());
        assertEquals(Map.of("Retry-After", "7"), refused.headers());
        assertEquals("application/json", refused.contentType());
        assertEquals("{\"error\":\"unavailable\",\"reason\":\"draining\"}", refused.body());
        assertEquals(List.of(), door.refusals, "the room logs and counts its own refusals");
        assertEquals(0, gate.caps().total());
    }

    @Test
    void aPostGets405NamingGet() {
        Verdict.Refuse refused = refuse(request("POST", valid()));

        assertEquals(405, refused.status());
        assertEquals(Map.of("Allow", "GET"), refused.headers());
        assertEquals("a WebSocket upgrade must be a GET\n", refused.body());
        assertEquals("text/plain;charset=UTF-8", refused.contentType());
        assertEquals(List.of(PEER + " 405 a WebSocket upgrade must be a GET"), door.refusals);
    }

    @ParameterizedTest(name = "{0}: {1} → {2} {3}")
    @CsvSource(
            delimiter = '|',
            value = {
                "Connection|keep-alive|400|Connection must include Upgrade",
                "Connection||400|Connection must include Upgrade",
                "Sec-WebSocket-Version|8|426|unsupported Sec-WebSocket-Version",
                "Sec-WebSocket-Version||426|unsupported Sec-WebSocket-Version",
                "Sec-WebSocket-Key||400|Sec-WebSocket-Key must be 16 bytes in base64",
                "Sec-WebSocket-Key|c2hvcnQ=|400|Sec-WebSocket-Key must be 16 bytes in base64",
                "Sec-WebSocket-Key|!!!!!!!!!!!!!!!!!!!!!!!!|400|Sec-WebSocket-Key must be 16 bytes in base64",
                "Origin|https://evil.example|403|origin not allowed"
            })
    void aBrokenRuleGetsItsStatusAndTheRoomIsTold(String header, String value, int status, String reason) {
        Map<String, List<String>> headers = valid();
        if (value == null) {
            headers.remove(header);
        } else {
            headers.put(header, List.of(value));
        }

        Verdict.Refuse refused = refuse(request("GET", headers));

        assertEquals(status, refused.status());
        assertEquals(reason + "\n", refused.body());
        assertEquals(List.of(PEER + " " + status + " " + reason), door.refusals);
        assertEquals(0, gate.caps().total());
        if (status == 426) {
            assertEquals(Map.of("Sec-WebSocket-Version", "13"), refused.headers());
        }
    }

    @ParameterizedTest(name = "Connection: {0}, Origin: {1} is admitted")
    @CsvSource({"'keep-alive, Upgrade',", "upgrade,http://localhost:3000", "Upgrade,http://own.example:9001"})
    void theUsualBrowserAndClientUpgradesAreAdmitted(String connection, String origin) {
        Map<String, List<String>> headers = valid();
        headers.put("Connection", List.of(connection));
        if (origin != null) {
            headers.put("Origin", List.of(origin));
        }

        assertInstanceOf(
                Verdict.Admit.class, gate.decide(request("GET", headers)), () -> String.valueOf(door.refusals));
    }

    @Test
    void theCapsPerAddressAndInAllHoldUntilAPlaceGoesBack() {
        Verdict.Admit first = assertInstanceOf(Verdict.Admit.class, gate.decide(request("GET", valid())));
        assertInstanceOf(Verdict.Admit.class, gate.decide(request("GET", valid())));

        Verdict.Refuse third = refuse(request("GET", valid()));
        assertEquals(503, third.status());
        assertEquals("too many connections from one address", third.reason());
        assertEquals(Map.of("Retry-After", "5"), third.headers());

        assertInstanceOf(Verdict.Admit.class, gate.decide(request("GET", valid(), "192.0.2.8")));
        Verdict.Refuse full = refuse(request("GET", valid(), "192.0.2.9"));
        assertEquals("too many connections", full.reason());

        first.slot().release();
        assertInstanceOf(Verdict.Admit.class, gate.decide(request("GET", valid())));
    }

    @Test
    void behindATrustedProxyTheForwardedClientTakesThePlace() {
        UpgradeGate proxied = gate(OriginPolicy.parse("", false), 3, 1, TrustedProxies.parse("127.0.0.1"));
        Map<String, List<String>> headers = valid();
        headers.put("X-Forwarded-For", List.of("203.0.113.5"));

        Verdict.Admit admitted =
                assertInstanceOf(Verdict.Admit.class, proxied.decide(request("GET", headers, "127.0.0.1")));
        Verdict.Refuse second = refuse(proxied, request("GET", headers, "127.0.0.1"));

        assertEquals("203.0.113.5", admitted.slot().address());
        assertEquals(List.of("203.0.113.5 503 too many connections from one address"), door.refusals);
        assertEquals(503, second.status());
    }

    private UpgradeGate gate(OriginPolicy origins, int max, int perAddress, TrustedProxies proxies) {
        return new UpgradeGate(
                door, new HandshakeRules(origins), new ConnectionCaps(max, perAddress), new Forwarding(proxies), 7);
    }

    private Verdict.Refuse refuse(UpgradeRequest request) {
        return refuse(gate, request);
    }

    private static Verdict.Refuse refuse(UpgradeGate gate, UpgradeRequest request) {
        return assertInstanceOf(Verdict.Refuse.class, gate.decide(request));
    }

    /** What a browser on the server's own page sends. */
    private static Map<String, List<String>> valid() {
        return ValidUpgrades.headers();
    }

    private static UpgradeRequest request(Map<String, List<String>> headers) {
        return request("GET", headers);
    }

    private static UpgradeRequest request(String method, Map<String, List<String>> headers) {
        return request(method, headers, PEER);
    }

    static UpgradeRequest request(String method, Map<String, List<String>> headers, String peer) {
        Map<String, List<String>> byName = new HashMap<>();
        headers.forEach((name, values) -> byName.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(values)));
        return new UpgradeRequest(
                method, "/", name -> byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()), peer, false);
    }
}

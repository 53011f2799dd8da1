package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.contract.HandshakeContract;
import dev.chorus.settings.Setting;
import dev.chorus.testing.Launched;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawHttp;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.Scrape;
import dev.chorus.testing.TestServers;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The handshake contract on the launcher, plus what only the launcher enforces: caps and the deadline. */
class LauncherHandshakeTest implements HandshakeContract {

    @RegisterExtension
    static final Launched LAUNCHER = new Launched(Map.of(Setting.HANDSHAKE_TIMEOUT, "2s"));

    @Override
    public URI chatUri() {
        return LAUNCHER.uri();
    }

    @Test
    void everyRefusedUpgradeIsCountedByItsStatus() throws Exception {
        try (ChorusServer fresh = TestServers.start(Map.of())) {
            RawHttp.upgrade(fresh.uri(), "GET", UPGRADE + KEY + VERSION + "Origin: https://evil.example\r\n");
            RawHttp.upgrade(fresh.uri(), "GET", UPGRADE + VERSION);
            URI metrics = fresh.pageUri().resolve("/metrics");
            Scrape.awaitValue(metrics, 1, "chorus_connections_rejected_total", "reason", "http-403");
            Scrape.awaitValue(metrics, 1, "chorus_connections_rejected_total", "reason", "http-400");
        }
    }

    @Test
    void aWrongVersionsStatusLineSaysUpgradeRequired() throws Exception {
        String head = RawHttp.upgrade(chatUri(), "GET", UPGRADE + KEY + "Sec-WebSocket-Version: 8\r\n");
        assertTrue(head.startsWith("HTTP/1.1 426 Upgrade Required\r\n"), head);
    }

    @Test
    void aConfiguredOriginListReplacesTheDefaultsAndCanRequireAnOrigin() throws Exception {
        Map<Setting, String> strict = Map.of(
                Setting.ALLOWED_ORIGINS, "https://chat.example.com, http://localhost:*",
                Setting.REQUIRE_ORIGIN, "true");
        try (ChorusServer server = TestServers.start(strict)) {
            URI uri = server.uri();
            assertStatus(
                    101, RawHttp.upgrade(uri, "GET", UPGRADE + KEY + VERSION + origin("https://chat.example.com")));
            assertStatus(101, RawHttp.upgrade(uri, "GET", UPGRADE + KEY + VERSION + origin("http://localhost:8080")));
            assertStatus(403, RawHttp.upgrade(uri, "GET", UPGRADE + KEY + VERSION + origin("http://127.0.0.1:8080")));
            assertStatus(403, RawHttp.upgrade(uri, "GET", UPGRADE + KEY + VERSION));
        }
    }

    private static String origin(String origin) {
        return "Origin: " + origin + "\r\n";
    }

    private static void assertStatus(int status, String head) {
        assertTrue(head.startsWith("HTTP/1.1 " + status), () -> "expected " + status + ", got: " + head);
    }

    @Test
    void overTheConnectionCapsNewUpgradesGet503() throws Exception {
        try (ChorusServer capped = TestServers.start(Map.of(Setting.MAX_CONNECTIONS_PER_ADDRESS, "2"))) {
            List<RawSocket> open = new ArrayList<>();
            open.add(RawSocket.upgrade(capped.uri()));
            open.add(RawSocket.upgrade(capped.uri()));
            String head = RawHttp.upgrade(capped.uri(), "GET", UPGRADE + KEY + VERSION);
            assertTrue(head.startsWith("HTTP/1.1 503"), head);
            Scrape.awaitValue(
                    capped.pageUri().resolve("/metrics"), 1, "chorus_connections_rejected_total", "reason", "http-503");
            open.get(0).close();
            // A freed place is usable again; waiting for the server to notice the close is bounded by the test.
            assertTrue(eventuallyUpgrades(capped.uri()), "a place frees up when a connection closes");
            for (RawSocket socket : open) {
                socket.close();
            }
        }
        try (ChorusServer full = TestServers.start(Map.of(Setting.MAX_CONNECTIONS, "1"));
                RawSocket only = RawSocket.upgrade(full.uri())) {
            String head = RawHttp.upgrade(full.uri(), "GET", UPGRADE + KEY + VERSION);
            assertTrue(head.startsWith("HTTP/1.1 503"), head);
            only.sendText("the one inside is still served");
            assertEquals(0x1, only.readFrame().opcode());
        }
    }

    /** Upgrades that arrive together are checked and counted one by one: the cap lets in exactly its number. */
    @Test
    void upgradesArrivingTogetherNeverGoOverTheCap() throws Exception {
        int cap = 5;
        int attempts = 40;
        ExecutorService clients = Executors.newFixedThreadPool(attempts);
        List<RawSocket> admitted = Collections.synchronizedList(new ArrayList<>());
        List<String> refused = Collections.synchronizedList(new ArrayList<>());
        try (ChorusServer capped = TestServers.start(Map.of(Setting.MAX_CONNECTIONS, Integer.toString(cap)))) {
            CyclicBarrier start = new CyclicBarrier(attempts);
            List<Future<?>> all = new ArrayList<>();
            for (int i = 0; i < attempts; i++) {
                all.add(clients.submit(() -> {
                    start.await(Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
                    try {
                        admitted.add(RawSocket.upgrade(capped.uri()));
                    } catch (RawSocket.Refused e) {
                        refused.add(e.head().lines().findFirst().orElse(""));
                    }
                    return null;
                }));
            }
            for (Future<?> attempt : all) {
                attempt.get(2 * Peer.WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            assertEquals(cap, admitted.size(), () -> "admitted " + admitted.size() + ", refused " + refused);
            assertEquals(attempts - cap, refused.size());
            assertTrue(refused.stream().allMatch(line -> line.startsWith("HTTP/1.1 503")), refused::toString);
        } finally {
            clients.shutdownNow();
            for (RawSocket socket : admitted) {
                socket.close();
            }
        }
    }

    private static boolean eventuallyUpgrades(URI uri) throws Exception {
        for (int attempt = 0; attempt < 200; attempt++) {
            if (RawHttp.upgrade(uri, "GET", UPGRADE + KEY + VERSION).startsWith("HTTP/1.1 101")) {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }

    @Test
    void aClientThatSendsHalfARequestIsDroppedWithoutHoldingUpOthers() throws Exception {
        try (ChorusServer quick = TestServers.start(Map.of(Setting.HANDSHAKE_TIMEOUT, "500ms"));
                Socket slow = new Socket("127.0.0.1", quick.port())) {
            slow.setSoTimeout((int) Peer.WAIT.toMillis());
            slow.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
            try (Peer other = Peer.join(quick.uri())) {
                other.sayAndLearnId("not held up");
            }
            InputStream in = slow.getInputStream();
            assertEquals(-1, in.read(), "the half-sent request's connection is closed by the server");
        }
    }
}

package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.Setting;
import dev.chorus.testing.LogRecords;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RawSocket;
import dev.chorus.testing.TestServers;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The launcher behind a TLS-terminating reverse proxy on 127.0.0.1, its upgrades written as nginx forwards
 * them: believed with {@code --trusted-proxies}, ignored without.
 */
class LauncherProxyTest {

    /** What nginx sends for a page served at https://chat.example.com/, whose client is 203.0.113.9. */
    private static final Map<String, String> FROM_THE_SITES_PAGE = Map.of(
            "Host", "chat.example.com",
            "Origin", "https://chat.example.com",
            "X-Forwarded-For", "203.0.113.9",
            "X-Forwarded-Proto", "https");

    @RegisterExtension
    final LogRecords log = new LogRecords();

    @Test
    void behindATrustedProxyTheSitesOwnHttpsPageMayConnect() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of(Setting.TRUSTED_PROXIES, "127.0.0.1"));
                RawSocket page = RawSocket.upgrade(server.uri(), FROM_THE_SITES_PAGE)) {
            assertEquals(Peer.GREETING, page.readFrame().text());
        }
    }

    @Test
    void fromAPeerThatIsNotTrustedTheForwardingHeadersAreIgnored() throws Exception {
        try (ChorusServer server = TestServers.start(Map.of())) {
            RawSocket.Refused refused =
                    assertThrows(RawSocket.Refused.class, () -> RawSocket.upgrade(server.uri(), FROM_THE_SITES_PAGE));
            assertTrue(refused.head().startsWith("HTTP/1.1 403"), refused::head);
            log.awaitMatching(Pattern.compile("Refused an upgrade from 127\\.0\\.0\\.1: 403 origin not allowed"), 1);
        }
    }

    @Test
    void thePerAddressCapCountsTheClientBehindTheProxyNotTheProxy() throws Exception {
        Map<Setting, String> settings =
                Map.of(Setting.TRUSTED_PROXIES, "127.0.0.1", Setting.MAX_CONNECTIONS_PER_ADDRESS, "1");
        try (ChorusServer server = TestServers.start(settings);
                RawSocket other = RawSocket.upgrade(server.uri(), forwardedFor("203.0.113.10"))) {
            RawSocket first = RawSocket.upgrade(server.uri(), forwardedFor("203.0.113.9"));
            RawSocket.Refused refused = assertThrows(
                    RawSocket.Refused.class,
                    () -> RawSocket.upgrade(server.uri(), forwardedFor("198.51.100.1, 203.0.113.9")),
                    "an address the client wrote itself, left of the proxy's, changes nothing");
            assertTrue(refused.head().startsWith("HTTP/1.1 503"), refused::head);
            log.awaitMatching(
                    Pattern.compile("Refused an upgrade from 203\\.0\\.113\\.9: 503 too many connections from one"
                            + " address"),
                    1);

            assertEquals(Peer.GREETING, other.readFrame().text(), "another client behind the same proxy is in");
            first.close();
            try (RawSocket again = awaitUpgrade(server, forwardedFor("203.0.113.9"))) {
                assertEquals(Peer.GREETING, again.readFrame().text(), "its slot came back when it closed");
            }
        }
    }

    @Test
    void theAdminApiShowsTheClientBehindTheProxy() throws Exception {
        Map<Setting, String> settings = Map.of(
                Setting.TRUSTED_PROXIES, "127.0.0.1", Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, "admin-secret");
        try (ChorusServer server = TestServers.start(settings);
                RawSocket behind = RawSocket.upgrade(server.uri(), forwardedFor("203.0.113.9"));
                RawSocket direct = RawSocket.upgrade(server.uri())) {
            assertEquals(Peer.GREETING, behind.readFrame().text());
            assertEquals(Peer.GREETING, direct.readFrame().text());

            String clients = dev.chorus.testing.Http.withToken(
                            "GET", server.adminUri().orElseThrow().resolve("clients"), "admin-secret", "")
                    .body();

            assertTrue(clients.contains("\"remoteAddress\":\"203.0.113.9\""), clients);
            assertTrue(clients.contains("\"remoteAddress\":\"127.0.0.1"), () -> "the direct one as before: " + clients);
        }
    }

    private static Map<String, String> forwardedFor(String addresses) {
        return Map.of("X-Forwarded-For", addresses);
    }

    /** Upgrades once the server has seen an earlier close (bounded by {@link Peer#WAIT}): closes are async. */
    private static RawSocket awaitUpgrade(ChorusServer server, Map<String, String> headers) throws Exception {
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        while (true) {
            try {
                return RawSocket.upgrade(server.uri(), headers);
            } catch (RawSocket.Refused refused) {
                if (System.nanoTime() > deadline) {
                    throw refused;
                }
            }
        }
    }
}

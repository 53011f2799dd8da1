package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.TrustedProxies;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Who a client is behind reverse proxies: believed only from trusted ones, right-most untrusted hop first. */
class ForwardingTest {

    /** An https page's upgrade from 203.0.113.9, as deploy/nginx forwards it to 127.0.0.1:9001. */
    private static final java.util.function.Function<String, List<String>> AS_NGINX_FORWARDS = headers(
            "Host", "127.0.0.1:9001",
            "X-Forwarded-For", "203.0.113.9",
            "X-Forwarded-Proto", "https",
            "X-Forwarded-Host", "chat.example.com");

    private static final Forwarding LOOPBACK_PROXY = new Forwarding(TrustedProxies.parse("127.0.0.1, ::1"));

    @Test
    void anUntrustedPeersForwardingHeadersAreIgnored() {
        Requester seen = new Forwarding(TrustedProxies.NONE).resolve("127.0.0.1", AS_NGINX_FORWARDS, false);

        assertEquals(new Requester("127.0.0.1", false, "127.0.0.1:9001"), seen);
    }

    @Test
    void aTrustedProxyNamesTheClientItsSchemeAndItsHost() {
        Requester seen = LOOPBACK_PROXY.resolve("127.0.0.1", AS_NGINX_FORWARDS, false);

        assertEquals(new Requester("203.0.113.9", true, "chat.example.com"), seen);
    }

    @Test
    void anAddressTheClientWroteItselfIsSkippedForTheRightMostUntrustedOne() {
        Requester seen = LOOPBACK_PROXY.resolve("127.0.0.1", headers("X-Forwarded-For", "6.6.6.6, 203.0.113.9"), false);

        assertEquals("203.0.113.9", seen.address());
    }

    @Test
    void aChainOfTrustedProxiesIsWalkedBack() {
        Forwarding inside = new Forwarding(TrustedProxies.parse("10.0.0.0/8"));

        Requester seen = inside.resolve(
                "10.0.0.2", headers("X-Forwarded-For", "203.0.113.9, 10.0.0.1", "X-Forwarded-For", "10.1.2.3"), false);

        assertEquals("203.0.113.9", seen.address(), "every line counts, in order");
    }

    @Test
    void forwardedIsReadAsRfc7239SaysAndComesBeforeTheXHeaders() {
        Requester seen = LOOPBACK_PROXY.resolve(
                "::1",
                headers(
                        "Host", "backend:9001",
                        "Forwarded",
                                "for=198.51.100.1;proto=http, for=\"[2001:db8:cafe::17]:4711\";proto=https;"
                                        + "host=\"chat.example.com\"",
                        "X-Forwarded-For", "192.0.2.1"),
                false);

        assertEquals(new Requester("2001:db8:cafe:0:0:0:0:17", true, "chat.example.com"), seen);
    }

    @Test
    void aHopThatNamesNoAddressCountsAsTheNearestProxy() {
        assertEquals(
                "127.0.0.1",
                LOOPBACK_PROXY
                        .resolve("127.0.0.1", headers("Forwarded", "for=unknown"), false)
                        .address());
        assertEquals(
                "127.0.0.1",
                LOOPBACK_PROXY
                        .resolve("127.0.0.1", headers("Forwarded", "for=_hidden"), false)
                        .address());
        assertEquals(
                "127.0.0.1",
                LOOPBACK_PROXY
                        .resolve("127.0.0.1", headers("X-Forwarded-For", "999.1.1.1"), false)
                        .address(),
                "a name or a number that is no address is never looked up");
    }

    @Test
    void aForwardedHostThatIsNoHostIsIgnoredAndAnUnknownSchemeChangesNothing() {
        Requester seen = LOOPBACK_PROXY.resolve(
                "127.0.0.1",
                headers(
                        "Host", "chat.example.com",
                        "X-Forwarded-For", "203.0.113.9",
                        "X-Forwarded-Proto", "gopher",
                        "X-Forwarded-Host", "evil.example/path"),
                true);

        assertEquals(new Requester("203.0.113.9", true, "chat.example.com"), seen);
    }

    @Test
    void withoutForwardingHeadersATrustedProxyIsTheClient() {
        assertEquals(new Requester("127.0.0.1", false, null), LOOPBACK_PROXY.resolve("127.0.0.1", headers(), false));
    }

    @Test
    void trustedProxiesAreAddressesAndBlocks() {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.7, 2001:db8::/32");

        assertTrue(proxies.trusts("10.255.0.1"));
        assertFalse(proxies.trusts("11.0.0.1"));
        assertTrue(proxies.trusts("192.0.2.7"));
        assertFalse(proxies.trusts("192.0.2.8"));
        assertTrue(proxies.trusts("2001:db8:1::1"));
        assertFalse(proxies.trusts("2001:db9::1"));
        assertFalse(proxies.trusts("a.name"));
        assertTrue(TrustedProxies.parse(" ").isEmpty());
    }

    @Test
    void aTrustedProxyEntryThatIsNoAddressIsRefusedByName() {
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/8, proxy.local"));
        assertEquals("proxy.local is not an IP address or CIDR", refused.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    }

    /** Header lines by name, case-insensitive; a name may repeat for several lines. */
    private static java.util.function.Function<String, List<String>> headers(String... namesAndValues) {
        Map<String, List<String>> lines = new TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            lines.computeIfAbsent(namesAndValues[i].toLowerCase(Locale.ROOT), name -> new java.util.ArrayList<>())
                    .add(namesAndValues[i + 1]);
        }
        return name -> lines.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}

package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.TrustedProxies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

/**
 * The forwarding headers are the client's to write: against arbitrary values, who the client is never comes
 * from an untrusted peer's headers, is always an IP address (never a name to look up), and behind trusted
 * proxies is the right-most hop that is not one of them.
 */
class ForwardingProperties {

    private static final String[] NAMES = {"Forwarded", "X-Forwarded-For", "X-Forwarded-Proto", "X-Forwarded-Host"};

    @Property
    void anUntrustedPeersHeadersChangeNothing(@ForAll("headerValues") List<String> values, @ForAll boolean secure) {
        Requester seen = new Forwarding(TrustedProxies.parse("10.0.0.0/8"))
                .resolve("192.0.2.1", headers(values, "own.example:9001"), secure);

        assertEquals(new Requester("192.0.2.1", secure, "own.example:9001"), seen);
    }

    @Property
    void behindATrustedProxyTheClientIsAlwaysAnAddressAndTheHostAHost(
            @ForAll("headerValues") List<String> values, @ForAll boolean secure) {
        Requester seen = new Forwarding(TrustedProxies.parse("127.0.0.1"))
                .resolve("127.0.0.1", headers(values, "own.example:9001"), secure);

        assertTrue(RemoteHost.isIpLiteral(seen.address()), () -> "not an address: " + seen.address());
        assertTrue(
                seen.host().equals("own.example:9001") || seen.host().matches("[\\[\\]A-Za-z0-9.:\\-]+"),
                () -> "not a host: " + seen.host());
    }

    @Property
    void theClientIsTheRightMostHopThatIsNotATrustedProxy(
            @ForAll @Size(min = 1, max = 40) List<@From("hop") String> hops, @ForAll boolean asForwarded) {
        TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8");
        String expected = hops.get(0);
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!proxies.trusts(hops.get(i))) {
                expected = hops.get(i);
                break;
            }
        }
        String header = asForwarded
                ? String.join(", ", hops.stream().map(hop -> "for=" + hop).toList())
                : String.join(", ", hops);
        Map<String, List<String>> lines = Map.of(asForwarded ? "forwarded" : "x-forwarded-for", List.of(header));

        Requester seen = new Forwarding(proxies)
                .resolve("10.9.9.9", name -> lines.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()), false);

        assertEquals(RemoteHost.of(expected), seen.address(), header);
    }

    @Provide
    Arbitrary<String> hop() {
        Arbitrary<Integer> octet = Arbitraries.integers().between(0, 255);
        Arbitrary<String> trusted =
                Combinators.combine(octet, octet, octet).as((a, b, c) -> "10." + a + "." + b + "." + c);
        Arbitrary<String> outside = Combinators.combine(octet, octet).as((a, b) -> "203.0." + a + "." + b);
        return Arbitraries.oneOf(trusted, outside);
    }

    @Provide
    Arbitrary<List<String>> headerValues() {
        Arbitrary<String> anything = Arbitraries.strings().ofMaxLength(120);
        Arbitrary<String> shaped = Arbitraries.of(
                        "for=",
                        "for=\"[",
                        "]:",
                        ";proto=",
                        ";host=",
                        ", ",
                        "\"",
                        "\\",
                        "unknown",
                        "_hidden",
                        "999.1.1.1",
                        "::1",
                        "127.0.0.1",
                        "2001:db8::1",
                        "https",
                        "evil.example/x",
                        "a.b",
                        "[::1]:80",
                        ";",
                        "=")
                .list()
                .ofMaxSize(12)
                .map(parts -> String.join("", parts));
        return Arbitraries.oneOf(anything, shaped).list().ofSize(NAMES.length);
    }

    /** The four forwarding headers with {@code values}, and {@code host} as the Host header. */
    private static Function<String, List<String>> headers(List<String> values, String host) {
        Map<String, List<String>> lines = new java.util.HashMap<>();
        for (int i = 0; i < NAMES.length; i++) {
            lines.put(NAMES[i].toLowerCase(Locale.ROOT), new ArrayList<>(List.of(values.get(i))));
        }
        lines.put("host", List.of(host));
        return name -> lines.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
    }
}

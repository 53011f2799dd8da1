package dev.chorus.handshake;

import dev.chorus.handshake.ForwardedHops.Hop;
import dev.chorus.settings.IpLiteral;
import dev.chorus.settings.TrustedProxies;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Tells who a client is behind reverse proxies. From a trusted proxy ({@link TrustedProxies}) the client is
 * the right-most hop of {@code Forwarded} (RFC 7239) or, without it, of {@code X-Forwarded-For}, that is not
 * itself a trusted proxy; its scheme and host come from that {@code Forwarded} element, or from the right-most
 * {@code X-Forwarded-Proto} and {@code X-Forwarded-Host}. From anyone else every such header is ignored. A hop
 * that names no IP address ({@code unknown}, an obfuscated name, garbage) cannot be counted or checked, so the
 * client then counts as the nearest hop that could be: the proxy itself.
 */
public final class Forwarding {

    /** A host, optionally with a port: what an origin's host part can be compared with. */
    private static final Pattern HOST =
            Pattern.compile("[A-Za-z0-9.\\-]{1,253}(:\\d{1,5})?|\\[[0-9A-Fa-f:.]{2,45}\\](:\\d{1,5})?");

    private final TrustedProxies proxies;

    public Forwarding(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    /**
     * @param peer the address the connection comes from
     * @param headers every value of a request header by name (case-insensitive), empty if none
     * @param secure whether the connection itself is TLS
     */
    public Requester resolve(String peer, Function<String, List<String>> headers, boolean secure) {
        String direct = RemoteHost.of(peer);
        String host = last(headers.apply("Host"));
        if (!proxies.trusts(direct)) {
            return new Requester(direct, secure, host);
        }
        List<String> forwarded = headers.apply("Forwarded");
        if (!forwarded.isEmpty()) {
            List<Hop> hops = ForwardedHops.forwarded(forwarded);
            Hop client = client(hops, direct);
            return new Requester(
                    address(client, direct, hops), scheme(client.proto(), secure), host(client.host(), host));
        }
        List<Hop> hops = ForwardedHops.forwardedFor(headers.apply("X-Forwarded-For"));
        Hop client = client(hops, direct);
        return new Requester(
                address(client, direct, hops),
                scheme(ForwardedHops.rightMost(headers.apply("X-Forwarded-Proto")), secure),
                host(ForwardedHops.rightMost(headers.apply("X-Forwarded-Host")), host));
    }

    /** The right-most hop that is not a trusted proxy (or the left-most, if all are); null if there are none. */
    private Hop client(List<Hop> hops, String direct) {
        for (int i = hops.size() - 1; i >= 0; i--) {
            String address = ipOf(hops.get(i).forWhom());
            if (address == null || !proxies.trusts(address)) {
                return hops.get(i);
            }
        }
        return hops.isEmpty() ? null : hops.get(0);
    }

    /** The client's IP: the chosen hop's, or the nearest proxy's if it names none (see the class comment). */
    private String address(Hop client, String direct, List<Hop> hops) {
        if (client == null) {
            return direct;
        }
        String address = ipOf(client.forWhom());
        if (address != null) {
            return address;
        }
        int index = hops.indexOf(client);
        for (int i = index + 1; i < hops.size(); i++) {
            String nearer = ipOf(hops.get(i).forWhom());
            if (nearer != null) {
                return nearer;
            }
        }
        return direct;
    }

    /** The IP literal in a hop's node name ({@code 192.0.2.1}, {@code 192.0.2.1:80}, {@code [::1]:80}), or null. */
    static String ipOf(String node) {
        String text = node.trim();
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            text = close < 0 ? "" : text.substring(1, close);
        } else if (text.indexOf(':') == text.lastIndexOf(':') && text.indexOf(':') > 0) {
            text = text.substring(0, text.indexOf(':')); // IPv4 with a port
        }
        if (text.isEmpty() || !RemoteHost.isIpLiteral(text)) {
            return null;
        }
        return IpLiteral.bytes(text).isPresent() ? RemoteHost.of(text) : null;
    }

    private static boolean scheme(String proto, boolean secure) {
        if (proto == null) {
            return secure;
        }
        String scheme = proto.trim().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https", "wss" -> true;
            case "http", "ws" -> false;
            default -> secure;
        };
    }

    private static String host(String forwarded, String own) {
        return forwarded != null && HOST.matcher(forwarded.trim()).matches() ? forwarded.trim() : own;
    }

    private static String last(List<String> values) {
        return values.isEmpty() ? null : values.get(values.size() - 1);
    }
}

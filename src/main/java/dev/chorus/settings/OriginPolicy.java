package dev.chorus.settings;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which browser origins may open a socket (against Cross-Site WebSocket Hijacking). A request without
 * {@code Origin} comes from a non-browser client and is allowed unless origins are required. With no list
 * configured, the server's own
 * origin and any {@code localhost} / {@code 127.0.0.1} origin are allowed; {@code *} allows every origin;
 * otherwise entries are exact origins, or {@code scheme://host:*} for any port.
 */
public final class OriginPolicy {

    private final List<String> allowed;
    private final boolean required;

    private OriginPolicy(List<String> allowed, boolean required) {
        this.allowed = allowed;
        this.required = required;
    }

    /**
     * Parses a comma-separated list; empty means the defaults described above.
     *
     * @param required whether a request without {@code Origin} is refused too
     */
    public static OriginPolicy parse(String list, boolean required) {
        return new OriginPolicy(
                List.of(list.split(",")).stream()
                        .map(String::trim)
                        .filter(entry -> !entry.isEmpty())
                        .map(entry -> entry.toLowerCase(Locale.ROOT))
                        .toList(),
                required);
    }

    /** Whether a request from {@code origin} ({@code null}: none given) to {@code host} may open a socket. */
    public boolean allows(String origin, String host, boolean secure) {
        if (origin == null) {
            return !required;
        }
        String normalized = origin.trim().toLowerCase(Locale.ROOT);
        if (allowed.isEmpty()) {
            return isOwn(normalized, host, secure) || isLoopback(normalized);
        }
        return allowed.stream().anyMatch(entry -> matches(entry, normalized));
    }

    private static boolean isOwn(String origin, String host, boolean secure) {
        return host != null && origin.equals((secure ? "https://" : "http://") + host.toLowerCase(Locale.ROOT));
    }

    private static boolean isLoopback(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            return ("http".equals(scheme) || "https".equals(scheme))
                    && ("localhost".equals(host) || "127.0.0.1".equals(host) || "[::1]".equals(host));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean matches(String entry, String origin) {
        if (entry.equals("*") || entry.equals(origin)) {
            return true;
        }
        return entry.endsWith(":*")
                && origin.startsWith(entry.substring(0, entry.length() - 1))
                && origin.substring(entry.length() - 1).chars().allMatch(Character::isDigit);
    }
}

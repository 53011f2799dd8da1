package dev.chorus.handshake;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the hops a request came through from its forwarding headers: RFC 7239 {@code Forwarded} elements, or
 * the {@code X-Forwarded-For} list. The values are the client's to write (only the right-most hops were added
 * by proxies Chorus trusts), so nothing here trusts them: malformed parts are skipped, never thrown on.
 */
final class ForwardedHops {

    /** At most this many hops are read; a longer chain keeps its right-most (nearest) ones. */
    static final int MAX_HOPS = 32;

    /** A header value longer than this is not read at all (a proxy never writes one so long). */
    static final int MAX_HEADER_CHARS = 8192;

    /** One hop: the address it forwarded for (as written, maybe not an IP), and what it saw, if it said. */
    record Hop(String forWhom, String proto, String host) {}

    private ForwardedHops() {}

    /** The elements of every {@code Forwarded} header line, in order. */
    static List<Hop> forwarded(List<String> lines) {
        List<Hop> hops = new ArrayList<>();
        for (String line : lines) {
            if (line.length() <= MAX_HEADER_CHARS) {
                for (String element : split(line, ',')) {
                    hops.add(element(element));
                }
            }
        }
        return nearest(hops);
    }

    /** The addresses of every {@code X-Forwarded-For} line, in order. */
    static List<Hop> forwardedFor(List<String> lines) {
        List<Hop> hops = new ArrayList<>();
        for (String line : lines) {
            if (line.length() <= MAX_HEADER_CHARS) {
                for (String address : line.split(",")) {
                    hops.add(new Hop(address.trim(), null, null));
                }
            }
        }
        return nearest(hops);
    }

    /** The right-most value of a list header such as {@code X-Forwarded-Proto}, or null. */
    static String rightMost(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (line.length() <= MAX_HEADER_CHARS) {
                String last = line.substring(line.lastIndexOf(',') + 1).trim();
                if (!last.isEmpty()) {
                    return last;
                }
            }
        }
        return null;
    }

    private static List<Hop> nearest(List<Hop> hops) {
        return hops.size() <= MAX_HOPS ? hops : List.copyOf(hops.subList(hops.size() - MAX_HOPS, hops.size()));
    }

    /** One element, e.g. {@code for="[2001:db8::17]:4711";proto=https;host=example.com}. */
    private static Hop element(String element) {
        String forWhom = null;
        String proto = null;
        String host = null;
        for (String pair : split(element, ';')) {
            int equals = pair.indexOf('=');
            if (equals < 0) {
                continue;
            }
            String name = pair.substring(0, equals).trim().toLowerCase(Locale.ROOT);
            String value = unquote(pair.substring(equals + 1).trim());
            switch (name) {
                case "for" -> forWhom = value;
                case "proto" -> proto = value;
                case "host" -> host = value;
                default -> {
                    // by= and extensions: not used
                }
            }
        }
        return new Hop(forWhom == null ? "" : forWhom, proto, host);
    }

    /** Splits on {@code separator} outside quoted strings (a quoted value may hold commas and semicolons). */
    private static List<String> split(String text, char separator) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\' && i + 1 < text.length()) {
                part.append(c).append(text.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == separator && !quoted) {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return parts;
    }

    private static String unquote(String value) {
        if (value.length() < 2 || value.charAt(0) != '"' || value.charAt(value.length() - 1) != '"') {
            return value;
        }
        StringBuilder plain = new StringBuilder();
        for (int i = 1; i < value.length() - 1; i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length() - 1) {
                c = value.charAt(++i);
            }
            plain.append(c);
        }
        return plain.toString();
    }
}

package dev.chorus.deflate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a client's {@code Sec-WebSocket-Extensions} header holds a permessage-deflate offer Chorus accepts
 * (RFC 7692 §5, §7.1): one whose parameters are all known, each at most once and with a valid value. Chorus's
 * compressor cannot narrow its window, so an offer that limits the server's window below 15 bits is declined.
 * Whatever the accepted offer says, Chorus answers the same ({@link #ANSWER}): every message compressed on its
 * own, both ways, so one compressed broadcast suits every client and no client costs an inflater between messages
 * (§7.1.1.1 and §7.1.1.2 let a server answer both parameters to any offer).
 */
public final class DeflateOffer {

    public static final String NAME = "permessage-deflate";
    public static final String SERVER_NO_CONTEXT_TAKEOVER = "server_no_context_takeover";
    public static final String CLIENT_NO_CONTEXT_TAKEOVER = "client_no_context_takeover";
    private static final String SERVER_MAX_WINDOW_BITS = "server_max_window_bits";
    private static final String CLIENT_MAX_WINDOW_BITS = "client_max_window_bits";

    /** What Chorus answers to any offer it accepts. */
    public static final String ANSWER = NAME + "; " + SERVER_NO_CONTEXT_TAKEOVER + "; " + CLIENT_NO_CONTEXT_TAKEOVER;

    private DeflateOffer() {}

    /** Whether the header's {@code values} hold an acceptable permessage-deflate offer. */
    public static boolean anyAcceptable(List<String> values) {
        for (String value : values) {
            for (String offer : split(value, ',')) {
                if (acceptable(offer)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean acceptable(String offer) {
        List<String> parts = split(offer, ';');
        if (!parts.get(0).trim().equalsIgnoreCase(NAME)) {
            return false;
        }
        Set<String> seen = new HashSet<>();
        for (String parameter : parts.subList(1, parts.size())) {
            int equals = parameter.indexOf('=');
            String name = (equals < 0 ? parameter : parameter.substring(0, equals))
                    .trim()
                    .toLowerCase(Locale.ROOT);
            String value =
                    equals < 0 ? null : unquote(parameter.substring(equals + 1).trim());
            if (!seen.add(name) || !acceptable(name, value)) {
                return false;
            }
        }
        return true;
    }

    private static boolean acceptable(String name, String value) {
        return switch (name) {
            case SERVER_NO_CONTEXT_TAKEOVER, CLIENT_NO_CONTEXT_TAKEOVER -> value == null;
            case SERVER_MAX_WINDOW_BITS -> "15".equals(value);
            case CLIENT_MAX_WINDOW_BITS -> value == null || windowBits(value);
            default -> false;
        };
    }

    /** RFC 7692 §7.1.2: a decimal from 8 to 15, without leading zeros. */
    private static boolean windowBits(String value) {
        return value.length() == 1 ? value.charAt(0) >= '8' && value.charAt(0) <= '9' : value.matches("1[0-5]");
    }

    /** A quoted value's content (RFC 7692 §5: a quoted value must be a valid token too), or null if malformed. */
    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value.contains("\"") ? "" : value;
    }

    /** {@code text} cut at each {@code separator} outside double quotes (at least one piece). */
    private static List<String> split(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(start));
        return pieces;
    }
}

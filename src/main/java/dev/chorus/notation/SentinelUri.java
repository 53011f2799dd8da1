package dev.chorus.notation;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * A Redis reached through Sentinel, written {@code redis-sentinel://[[user]:password@]host[:port][,host[:port]…][/db]#master}
 * (the convention Lettuce and others use): the Sentinels to ask, in order, for the address of the master named
 * in the fragment; the credentials and database are the master's. A Sentinel's port defaults to
 * {@value #DEFAULT_PORT}. An IPv6 Sentinel is written in brackets, and then only alone ({@code java.net.URI} takes
 * no brackets in a list).
 *
 * @param sentinels where to ask, at least one
 * @param master the name the Sentinels monitor the master under
 * @param user for the master's {@code AUTH}, if given
 * @param password for the master's {@code AUTH}, if given
 * @param database the master's database, if given
 */
public record SentinelUri(
        List<Endpoint> sentinels,
        String master,
        Optional<String> user,
        Optional<String> password,
        OptionalInt database) {

    /** The scheme that marks a Sentinel URI. */
    public static final String SCHEME = "redis-sentinel";

    /** Sentinel's own port, when a host is given without one. */
    public static final int DEFAULT_PORT = 26_379;

    /** What a good value looks like, for error messages. */
    public static final String EXAMPLE = "redis-sentinel://127.0.0.1:26379,127.0.0.1:26380/0#mymaster";

    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9._-]+");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9A-Fa-f:.]+]");
    private static final Pattern DIGITS = Pattern.compile("[0-9]{1,9}");

    /** One Sentinel's address ({@code host} an IPv6 address without its brackets). */
    public record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public SentinelUri {
        sentinels = List.copyOf(sentinels);
    }

    /** Whether {@code uri} is one of these, by its scheme. */
    public static boolean isSentinel(URI uri) {
        return SCHEME.equalsIgnoreCase(uri.getScheme());
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException if it is not one, with a message that names the problem and never
     *     repeats the credentials
     */
    public static SentinelUri parse(String text) {
        try {
            return parse(new URI(text));
        } catch (URISyntaxException e) {
            // Its message would repeat the whole text, password included.
            throw new IllegalArgumentException("is not a URI (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
    }

    /**
     * Parses {@code uri}.
     *
     * @throws IllegalArgumentException as {@link #parse(String)}
     */
    public static SentinelUri parse(URI uri) {
        if (!isSentinel(uri)) {
            throw new IllegalArgumentException("does not start with " + SCHEME + "://");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new IllegalArgumentException("names no Sentinel: write " + SCHEME + "://host:port…");
        }
        if (uri.getRawQuery() != null) {
            throw new IllegalArgumentException("has a query (?…), which it does not take");
        }
        String fragment = uri.getRawFragment();
        if (fragment == null || fragment.isEmpty()) {
            throw new IllegalArgumentException("names no master: end it with #masterName");
        }
        int at = authority.lastIndexOf('@');
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                user = Optional.of(decode(userInfo.substring(0, colon))).filter(name -> !name.isEmpty());
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            } else {
                password = Optional.of(decode(userInfo));
            }
        }
        return new SentinelUri(
                endpoints(authority.substring(at + 1)), decode(fragment), user, password, database(uri.getRawPath()));
    }

    /** The URI without its credentials, for log lines: e.g. {@code mymaster via Sentinel 127.0.0.1:26379}. */
    @Override
    public String toString() {
        List<String> where = sentinels.stream().map(Endpoint::toString).toList();
        return master + " via Sentinel " + String.join(",", where);
    }

    private static List<Endpoint> endpoints(String hosts) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (String host : hosts.split(",", -1)) {
            endpoints.add(endpoint(host));
        }
        return endpoints;
    }

    private static Endpoint endpoint(String text) {
        if (text.isEmpty()) {
            throw new IllegalArgumentException("has an empty Sentinel address (host:port, separated by commas)");
        }
        int portAt = text.startsWith("[") ? text.indexOf(']') + 1 : text.indexOf(':');
        String host = portAt <= 0 ? text : text.substring(0, portAt);
        String rest = portAt <= 0 ? "" : text.substring(portAt);
        boolean ipv6 = IPV6.matcher(host).matches();
        if (!(ipv6 || HOST_NAME.matcher(host).matches())) {
            throw new IllegalArgumentException("has a Sentinel address whose host is not a name or an IP address");
        }
        if (ipv6) {
            host = host.substring(1, host.length() - 1);
        }
        if (rest.isEmpty()) {
            return new Endpoint(host, DEFAULT_PORT);
        }
        String port = rest.substring(1);
        if (rest.charAt(0) != ':' || !DIGITS.matcher(port).matches() || !inRange(Integer.parseInt(port), 1, 65_535)) {
            throw new IllegalArgumentException("has a Sentinel address whose port is not a number from 1 to 65535");
        }
        return new Endpoint(host, Integer.parseInt(port));
    }

    private static OptionalInt database(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) {
            return OptionalInt.empty();
        }
        String number = path.substring(1);
        if (!path.startsWith("/") || !DIGITS.matcher(number).matches()) {
            throw new IllegalArgumentException("has a database (/db) that is not a whole number from 0 up");
        }
        return OptionalInt.of(Integer.parseInt(number));
    }

    private static boolean inRange(int value, int low, int high) {
        return value >= low && value <= high;
    }

    /** Undoes %-escapes (java.net.URI has checked that each is % and two hex digits) as UTF-8. */
    private static String decode(String raw) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] utf8 = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '%' && i + 2 < utf8.length) {
                bytes.write(Integer.parseInt(new String(utf8, i + 1, 2, StandardCharsets.US_ASCII), 16));
                i += 2;
            } else {
                bytes.write(utf8[i]);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}

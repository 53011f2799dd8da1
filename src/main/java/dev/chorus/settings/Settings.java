package dev.chorus.settings;

import dev.chorus.identity.TokenKey;
import dev.chorus.notation.Durations;
import dev.chorus.notation.SentinelUri;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * Every setting, typed and checked. Built only by {@link #from}, which the launcher and the WAR both use.
 *
 * @param host the address the launcher binds
 * @param port the launcher's port, 0 for any free one
 * @param outboxLimits how much may wait for one client before it is a slow consumer
 * @param inboundLimits what one client may send (size, fragments, message and byte rates)
 * @param handshake what an upgrade request must pass (origins, caps, deadline)
 * @param pingInterval how often each client is pinged
 * @param pongTimeout how long a ping may go unanswered before the client is closed
 * @param closeTimeout how long a close the server started may take before the connection is dropped
 * @param tls where the launcher's TLS key and certificate are, if it serves TLS
 * @param plainPort with TLS, a second port serving plain ws:// and http://
 * @param operations the shutdown drain, metrics, health and admin endpoints
 * @param history how many said-messages are kept for chorus.v1 clients' history and reconnects
 * @param rooms how many rooms a node holds, and how long it keeps an empty one
 * @param redis the Redis through which several nodes are one chat, or empty for this node alone
 * @param redisStreamMaxAge how long Redis keeps events for a node that was cut off to catch up on (zero: no bound)
 * @param logging what the log shows of messages, and in which format
 * @param compression whether the launcher negotiates permessage-deflate with clients that offer it
 */
public record Settings(
        String host,
        int port,
        OutboxLimits outboxLimits,
        InboundLimits inboundLimits,
        HandshakeSettings handshake,
        Duration pingInterval,
        Duration pongTimeout,
        Duration closeTimeout,
        Optional<TlsFiles> tls,
        OptionalInt plainPort,
        Operations operations,
        int history,
        RoomLimits rooms,
        Optional<URI> redis,
        Duration redisStreamMaxAge,
        Logging logging,
        boolean compression) {

    /**
     * Builds the settings from raw values.
     *
     * @param raw gives each setting's raw value (already resolved: command line, property, environment, default)
     * @throws InvalidSettingException naming the first setting whose value is unusable
     */
    public static Settings from(Function<Setting, String> raw) {
        String host = raw.apply(Setting.HOST).trim();
        if (host.isEmpty()) {
            throw new InvalidSettingException(Setting.HOST, host, "a host name or address");
        }
        return new Settings(
                host,
                integer(raw, Setting.PORT, 0, 65_535),
                new OutboxLimits(
                        integer(raw, Setting.OUTBOX_BYTES, 1, Integer.MAX_VALUE),
                        integer(raw, Setting.OUTBOX_MESSAGES, 1, Integer.MAX_VALUE),
                        duration(raw, Setting.WRITE_TIMEOUT)),
                new InboundLimits(
                        integer(raw, Setting.MAX_MESSAGE_BYTES, 1, Integer.MAX_VALUE),
                        integer(raw, Setting.MAX_FRAGMENTS, 1, Integer.MAX_VALUE),
                        integer(raw, Setting.MESSAGE_RATE, 0, Integer.MAX_VALUE),
                        integer(raw, Setting.MESSAGE_BURST, 1, Integer.MAX_VALUE),
                        integer(raw, Setting.BYTE_RATE, 0, Integer.MAX_VALUE),
                        integer(raw, Setting.BYTE_BURST, 1, Integer.MAX_VALUE)),
                new HandshakeSettings(
                        OriginPolicy.parse(raw.apply(Setting.ALLOWED_ORIGINS), bool(raw, Setting.REQUIRE_ORIGIN)),
                        integer(raw, Setting.MAX_CONNECTIONS, 1, Integer.MAX_VALUE),
                        integer(raw, Setting.MAX_CONNECTIONS_PER_ADDRESS, 1, Integer.MAX_VALUE),
                        duration(raw, Setting.HANDSHAKE_TIMEOUT),
                        trustedProxies(raw),
                        tokenKey(raw)),
                duration(raw, Setting.PING_INTERVAL),
                duration(raw, Setting.PONG_TIMEOUT),
                duration(raw, Setting.CLOSE_TIMEOUT),
                TlsFiles.from(raw),
                parsePlainPort(raw),
                Operations.from(raw),
                integer(raw, Setting.HISTORY, 0, 1_000_000),
                new RoomLimits(integer(raw, Setting.MAX_ROOMS, 1, 1_000_000), duration(raw, Setting.ROOM_KEEP)),
                redis(raw),
                durationOrZero(raw, Setting.REDIS_STREAM_MAX_AGE),
                Logging.from(raw),
                bool(raw, Setting.COMPRESSION));
    }

    /** The settings from system properties, environment variables and defaults (no command line). */
    public static Settings fromEnvironment() {
        return from(Setting::fromEnvironment);
    }

    /** Whether the launcher serves TLS on its main port. */
    public boolean secure() {
        return tls.isPresent();
    }

    private static OptionalInt parsePlainPort(Function<Setting, String> raw) {
        if (raw.apply(Setting.PLAIN_PORT).isBlank()) {
            return OptionalInt.empty();
        }
        if (raw.apply(Setting.KEYSTORE).isBlank() && raw.apply(Setting.CERT).isBlank()) {
            throw InvalidSettingException.because(
                    Setting.PLAIN_PORT, "only makes sense with TLS (--keystore or --cert)");
        }
        return OptionalInt.of(integer(raw, Setting.PLAIN_PORT, 0, 65_535));
    }

    private static Optional<URI> redis(Function<Setting, String> raw) {
        String value = raw.apply(Setting.REDIS).trim();
        if (value.isEmpty()) {
            return Optional.empty();
        }
        // The value is not echoed: it may carry a password.
        InvalidSettingException invalid =
                InvalidSettingException.because(Setting.REDIS, "is not a Redis URI such as redis://127.0.0.1:6379");
        if (value.regionMatches(true, 0, SentinelUri.SCHEME + ":", 0, SentinelUri.SCHEME.length() + 1)) {
            try {
                SentinelUri.parse(value);
                return Optional.of(URI.create(value));
            } catch (IllegalArgumentException e) {
                throw InvalidSettingException.because(
                        Setting.REDIS,
                        "the Sentinel URI " + e.getMessage() + " (expected e.g. " + SentinelUri.EXAMPLE + ")");
            }
        }
        try {
            URI uri = new URI(value);
            boolean redis = "redis".equalsIgnoreCase(uri.getScheme()) || "rediss".equalsIgnoreCase(uri.getScheme());
            if (!redis || uri.getHost() == null) {
                throw invalid;
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw invalid;
        }
    }

    private static Optional<TokenKey> tokenKey(Function<Setting, String> raw) {
        String value = raw.apply(Setting.JWT_KEY);
        if (value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(TokenKey.parse(value));
        } catch (IllegalArgumentException e) {
            throw InvalidSettingException.because(Setting.JWT_KEY, e.getMessage()); // never echoes a secret
        }
    }

    private static TrustedProxies trustedProxies(Function<Setting, String> raw) {
        String value = raw.apply(Setting.TRUSTED_PROXIES);
        try {
            return TrustedProxies.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(
                    Setting.TRUSTED_PROXIES, value, "IP addresses and CIDRs, e.g. 10.0.0.0/8");
        }
    }

    /** A positive duration in one of {@link Durations}' forms. */
    static Duration duration(Function<Setting, String> raw, Setting setting) {
        String value = raw.apply(setting).trim();
        Duration parsed;
        try {
            parsed = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(setting, value, Durations.EXPECTED);
        }
        if (parsed.isNegative() || parsed.isZero()) {
            throw new InvalidSettingException(setting, value, "a positive duration");
        }
        return parsed;
    }

    /** A duration as {@link #duration}, or {@code 0} (with or without a unit) for none. */
    static Duration durationOrZero(Function<Setting, String> raw, Setting setting) {
        String value = raw.apply(setting).trim();
        return value.matches("0+(ms|s|m|h)?") ? Duration.ZERO : duration(raw, setting);
    }

    static boolean bool(Function<Setting, String> raw, Setting setting) {
        String value = raw.apply(setting).trim();
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new InvalidSettingException(setting, value, "true or false");
    }

    static int integer(Function<Setting, String> raw, Setting setting, int min, int max) {
        String value = raw.apply(setting);
        String expected = "a whole number from " + min + " to " + max;
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed < min || parsed > max) {
                throw new InvalidSettingException(setting, value, expected);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new InvalidSettingException(setting, value, expected);
        }
    }
}

package dev.chorus.settings;

import dev.chorus.broadcast.OutboxLimits;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every setting, typed and checked. Built only by {@link #from}, which the launcher and the WAR both use.
 *
 * @param host the address the launcher binds
 * @param port the launcher's port, 0 for any free one
 * @param outboxLimits how much may wait for one client before it is a slow consumer
 * @param pingInterval how often each client is pinged
 * @param pongTimeout how long a ping may go unanswered before the client is closed
 * @param tls where the launcher's TLS key and certificate are, if it serves TLS
 * @param plainPort with TLS, a second port serving plain ws:// and http://
 * @param history how many said-messages are kept for chorus.v1 clients' history and reconnects
 */
public record Settings(
        String host,
        int port,
        OutboxLimits outboxLimits,
        Duration pingInterval,
        Duration pongTimeout,
        Optional<TlsFiles> tls,
        OptionalInt plainPort,
        int history) {

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d+)(ms|s|m|h)");

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
                duration(raw, Setting.PING_INTERVAL),
                duration(raw, Setting.PONG_TIMEOUT),
                TlsFiles.from(raw),
                parsePlainPort(raw),
                integer(raw, Setting.HISTORY, 0, 1_000_000));
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

    /** A positive duration: {@code 250ms}, {@code 10s}, {@code 2m}, or ISO-8601 such as {@code PT10S}. */
    private static Duration duration(Function<Setting, String> raw, Setting setting) {
        String value = raw.apply(setting).trim();
        Matcher simple = SIMPLE_DURATION.matcher(value);
        try {
            Duration parsed = simple.matches()
                    ? Duration.of(Long.parseLong(simple.group(1)), unit(simple.group(2)))
                    : Duration.parse(value);
            if (parsed.isNegative() || parsed.isZero()) {
                throw new InvalidSettingException(setting, value, "a positive duration");
            }
            return parsed;
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new InvalidSettingException(setting, value, "a duration such as 500ms, 10s, 2m or PT10S");
        }
    }

    private static ChronoUnit unit(String suffix) {
        return switch (suffix) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            default -> ChronoUnit.HOURS;
        };
    }

    private static int integer(Function<Setting, String> raw, Setting setting, int min, int max) {
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

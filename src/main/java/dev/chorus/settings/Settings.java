package dev.chorus.settings;

import dev.chorus.broadcast.OutboxLimits;
import java.time.Duration;
import java.util.function.Function;

/**
 * Every setting, typed and checked. Built only by {@link #from}, which the launcher and the WAR both use.
 *
 * @param host the address the launcher binds
 * @param port the launcher's port, 0 for any free one
 * @param outboxLimits how much may wait for one client before it is a slow consumer
 */
public record Settings(String host, int port, OutboxLimits outboxLimits) {

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
                        duration(raw, Setting.WRITE_TIMEOUT)));
    }

    /** The settings from system properties, environment variables and defaults (no command line). */
    public static Settings fromEnvironment() {
        return from(Setting::fromEnvironment);
    }

    /** A positive duration in one of {@link Durations}' forms. */
    private static Duration duration(Function<Setting, String> raw, Setting setting) {
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

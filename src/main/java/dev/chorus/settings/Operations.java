package dev.chorus.settings;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * How the server is operated: the shutdown drain, the 503 hint, where metrics and health are served, and the
 * admin endpoints.
 *
 * @param drainTimeout how long a shutdown waits for queued messages before it closes every client
 * @param retryAfter the {@code Retry-After} sent with a 503 to a new client
 * @param metricsPath where Prometheus metrics are served, if anywhere
 * @param healthPath under which {@code /live} and {@code /ready} are served, if anywhere
 * @param adminPort the launcher's admin port on 127.0.0.1, if the admin endpoints are on
 * @param adminToken the bearer token the admin endpoints require, if set
 * @param internal the launcher's internal listener for metrics, health and admin, if set
 */
public record Operations(
        Duration drainTimeout,
        Duration retryAfter,
        Optional<String> metricsPath,
        Optional<String> healthPath,
        OptionalInt adminPort,
        Optional<String> adminToken,
        Optional<Internal> internal) {

    /**
     * Where the launcher serves metrics, health and admin instead of on the chat port.
     *
     * @param host the address it binds
     * @param port its port, 0 for any free one
     */
    public record Internal(String host, int port) {}

    private static final String OFF = "off";

    static Operations from(Function<Setting, String> raw) {
        Optional<String> metrics = path(raw, Setting.METRICS_PATH);
        Optional<String> health = path(raw, Setting.HEALTH_PATH);
        if (metrics.isPresent() && metrics.equals(health)) {
            throw InvalidSettingException.because(Setting.HEALTH_PATH, "must differ from --metrics-path");
        }
        String token = raw.apply(Setting.ADMIN_TOKEN);
        OptionalInt adminPort = OptionalInt.empty();
        if (!raw.apply(Setting.ADMIN_PORT).isBlank()) {
            adminPort = OptionalInt.of(Settings.integer(raw, Setting.ADMIN_PORT, 0, 65_535));
            if (token.isBlank()) {
                throw InvalidSettingException.because(Setting.ADMIN_TOKEN, "is required with --admin-port");
            }
        }
        return new Operations(
                Settings.duration(raw, Setting.DRAIN_TIMEOUT),
                Settings.duration(raw, Setting.RETRY_AFTER),
                metrics,
                health,
                adminPort,
                token.isBlank() ? Optional.empty() : Optional.of(token),
                internal(raw, adminPort));
    }

    private static Optional<Internal> internal(Function<Setting, String> raw, OptionalInt adminPort) {
        if (raw.apply(Setting.INTERNAL_PORT).isBlank()) {
            return Optional.empty();
        }
        if (adminPort.isPresent()) {
            throw InvalidSettingException.because(
                    Setting.ADMIN_PORT, "cannot be used with --internal-port, which serves the admin endpoints too");
        }
        String host = raw.apply(Setting.INTERNAL_HOST).trim();
        if (host.isEmpty()) {
            throw new InvalidSettingException(Setting.INTERNAL_HOST, host, "a host name or address");
        }
        return Optional.of(new Internal(host, Settings.integer(raw, Setting.INTERNAL_PORT, 0, 65_535)));
    }

    /** {@code Retry-After} in whole seconds, rounded up. */
    public long retryAfterSeconds() {
        return (retryAfter.toMillis() + 999) / 1000;
    }

    private static Optional<String> path(Function<Setting, String> raw, Setting setting) {
        String value = raw.apply(setting).trim();
        if (value.isEmpty() || value.equals(OFF)) {
            return Optional.empty();
        }
        if (!value.startsWith("/") || value.length() < 2 || value.endsWith("/") || value.contains("*")) {
            throw new InvalidSettingException(setting, value, "a path such as /metrics, or off");
        }
        return Optional.of(value);
    }

    /** Never print the token. */
    @Override
    public String toString() {
        return "Operations[drainTimeout=" + drainTimeout + ", retryAfter=" + retryAfter + ", metricsPath="
                + metricsPath + ", healthPath=" + healthPath + ", adminPort=" + adminPort + ", adminToken="
                + adminToken.map(t -> "(set)").orElse("(none)") + ", internal=" + internal + "]";
    }
}

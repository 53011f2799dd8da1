package dev.chorus.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OperationsSettingsTest {

    private static Operations with(Map<Setting, String> given) {
        return Settings.from(setting -> given.getOrDefault(setting, setting.defaultValue()))
                .operations();
    }

    @Test
    void byDefaultMetricsAndHealthAreOnAndTheAdminEndpointsOff() {
        Operations ops = with(Map.of());
        assertEquals(Duration.ofSeconds(5), ops.drainTimeout());
        assertEquals(30, ops.retryAfterSeconds());
        assertEquals(Optional.of("/metrics"), ops.metricsPath());
        assertEquals(Optional.of("/health"), ops.healthPath());
        assertTrue(ops.adminPort().isEmpty());
        assertTrue(ops.adminToken().isEmpty());
    }

    @Test
    void anAdminPortWithoutATokenIsRefusedNamingTheToken() {
        InvalidSettingException e =
                assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.ADMIN_PORT, "9002")));
        assertTrue(e.getMessage().contains("--admin-token"), e.getMessage());
        assertTrue(e.getMessage().contains("CHORUS_ADMIN_TOKEN"), e.getMessage());
    }

    @Test
    void theTokenNeverShowsInTheSettingsText() {
        Settings settings = Settings.from(setting -> Map.of(Setting.ADMIN_PORT, "0", Setting.ADMIN_TOKEN, "hush-hush")
                .getOrDefault(setting, setting.defaultValue()));
        assertFalse(settings.toString().contains("hush-hush"), settings::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"metrics", "/", "/metrics/", "/m*"})
    void aPathThatIsNoPathIsRefused(String path) {
        assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.METRICS_PATH, path)));
    }

    @Test
    void offTurnsAnEndpointOffAndTheTwoPathsMustDiffer() {
        assertTrue(with(Map.of(Setting.METRICS_PATH, "off")).metricsPath().isEmpty());
        assertThrows(
                InvalidSettingException.class,
                () -> with(Map.of(Setting.METRICS_PATH, "/ops", Setting.HEALTH_PATH, "/ops")));
    }
}

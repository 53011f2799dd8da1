package dev.chorus.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    private static Settings with(Map<Setting, String> given) {
        return Settings.from(setting -> given.getOrDefault(setting, setting.defaultValue()));
    }

    @Test
    void theDefaultsAreTheTutorialsAddressOnLoopback() {
        Settings settings = with(Map.of());
        assertEquals("127.0.0.1", settings.host());
        assertEquals(9001, settings.port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "-1", "65536", "", "9001x"})
    void aBadPortIsRefusedNamingTheSettingEverywhereItCanBeSet(String port) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.PORT, port)));
        assertTrue(e.getMessage().contains("--port"), e.getMessage());
        assertTrue(e.getMessage().contains("chorus.port"), e.getMessage());
        assertTrue(e.getMessage().contains("CHORUS_PORT"), e.getMessage());
    }

    @Test
    void portZeroMeansAnyFreePort() {
        assertEquals(0, with(Map.of(Setting.PORT, "0")).port());
    }

    @Test
    void aCloseMayTakeThreeSecondsUnlessToldOtherwiseAndNeverNoTimeAtAll() {
        assertEquals(java.time.Duration.ofSeconds(3), with(Map.of()).closeTimeout());
        assertEquals(
                java.time.Duration.ofMillis(500),
                with(Map.of(Setting.CLOSE_TIMEOUT, "500ms")).closeTimeout());
        InvalidSettingException e =
                assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.CLOSE_TIMEOUT, "0s")));
        assertTrue(e.getMessage().contains("--close-timeout"), e::getMessage);
    }

    @Test
    void theHistoryKeepsAHundredSaidMessagesUnlessToldOtherwise() {
        assertEquals(100, with(Map.of()).history());
        assertEquals(0, with(Map.of(Setting.HISTORY, "0")).history());
    }

    @Test
    void aClientMaySend256KibibytesASecondInBurstsOfOneMebibyteUnlessToldOtherwise() {
        assertEquals(262_144, with(Map.of()).inboundLimits().bytesPerSecond());
        assertEquals(1_048_576, with(Map.of()).inboundLimits().byteBurst());
        Settings off = with(Map.of(Setting.BYTE_RATE, "0", Setting.BYTE_BURST, "1"));
        assertEquals(0, off.inboundLimits().bytesPerSecond());
        assertEquals(1, off.inboundLimits().byteBurst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "fast", "0"})
    void aBadByteBurstIsRefusedNamingTheSetting(String burst) {
        InvalidSettingException e =
                assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.BYTE_BURST, burst)));
        assertTrue(e.getMessage().contains("--byte-burst"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "lots", "1000001"})
    void aBadHistoryIsRefusedNamingTheSetting(String history) {
        InvalidSettingException e =
                assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.HISTORY, history)));
        assertTrue(e.getMessage().contains("--history"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", ""})
    void requireOriginIsTrueOrFalseAndNothingElse(String value) {
        InvalidSettingException e =
                assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.REQUIRE_ORIGIN, value)));
        assertTrue(e.getMessage().contains("--require-origin"), e.getMessage());
    }

    @Test
    void anEmptyHostIsRefused() {
        assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.HOST, " ")));
    }

    @Test
    void withoutRedisTheNodeIsAlone() {
        assertEquals(Optional.empty(), with(Map.of()).redis());
    }

    @Test
    void aRedisUriIsTakenAsGiven() {
        assertEquals(
                Optional.of(URI.create("redis://127.0.0.1:6379/2")),
                with(Map.of(Setting.REDIS, " redis://127.0.0.1:6379/2 ")).redis());
    }

    @Test
    void aSentinelUriIsTakenAsGiven() {
        assertEquals(
                Optional.of(URI.create("redis-sentinel://127.0.0.1:26379,127.0.0.1:26380/2#chorus")),
                with(Map.of(Setting.REDIS, "redis-sentinel://127.0.0.1:26379,127.0.0.1:26380/2#chorus"))
                        .redis());
    }

    @Test
    void aSentinelUriWithoutAMasterNameIsRefusedSayingSo() {
        InvalidSettingException e = assertThrows(
                InvalidSettingException.class,
                () -> with(Map.of(Setting.REDIS, "redis-sentinel://:secret@127.0.0.1:26379/2")));
        assertEquals(
                "invalid --redis (chorus.redis, CHORUS_REDIS): the Sentinel URI names no master: end it with"
                        + " #masterName (expected e.g. redis-sentinel://127.0.0.1:26379,127.0.0.1:26380/0#mymaster)",
                e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:6379", "http://127.0.0.1:6379", "redis://", "redis://:secret@ bad"})
    void aBadRedisUriIsRefusedWithoutEchoingIt(String uri) {
        InvalidSettingException e = assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.REDIS, uri)));
        assertTrue(e.getMessage().contains("--redis"), e.getMessage());
        assertTrue(!e.getMessage().contains("secret"), "a password must not reach the log: " + e.getMessage());
    }

    @Test
    void theStreamKeepsAQuarterOfAnHourOfEventsUnlessToldOtherwiseAndZeroMeansNoBoundByAge() {
        assertEquals(java.time.Duration.ofMinutes(15), with(Map.of()).redisStreamMaxAge());
        assertEquals(
                java.time.Duration.ofHours(2),
                with(Map.of(Setting.REDIS_STREAM_MAX_AGE, "2h")).redisStreamMaxAge());
        assertEquals(
                java.time.Duration.ZERO,
                with(Map.of(Setting.REDIS_STREAM_MAX_AGE, "0")).redisStreamMaxAge());
        InvalidSettingException e =
                assertThrows(InvalidSettingException.class, () -> with(Map.of(Setting.REDIS_STREAM_MAX_AGE, "soon")));
        assertTrue(e.getMessage().contains("--redis-stream-max-age"), e.getMessage());
    }
}

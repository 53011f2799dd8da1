package dev.chorus.settings;

import java.util.Locale;
import java.util.function.Function;

/**
 * What the server logs and how.
 *
 * @param messages whether said-lines carry the text (the tutorial's {@code Client(N) said: X}) or only its size
 * @param format how the launcher writes each event (a WAR logs as its container does)
 */
public record Logging(boolean messages, LogFormat format) {

    static Logging from(Function<Setting, String> raw) {
        String format = raw.apply(Setting.LOG_FORMAT).trim();
        LogFormat parsed;
        try {
            parsed = LogFormat.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(Setting.LOG_FORMAT, format, "text or json");
        }
        return new Logging(Settings.bool(raw, Setting.LOG_MESSAGES), parsed);
    }
}

package dev.chorus.notation;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one way Chorus writes a duration, for settings and command-line options alike: {@code 250ms},
 * {@code 10s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT10S}.
 */
public final class Durations {

    /** What a bad value should have looked like, for error messages. */
    public static final String EXPECTED = "a duration such as 500ms, 10s, 2m or PT10S";

    private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

    private Durations() {}

    /**
     * Parses {@code text} (surrounding blanks ignored).
     *
     * @throws IllegalArgumentException if it is not a duration in one of the accepted forms
     */
    public static Duration parse(String text) {
        String value = text.trim();
        Matcher simple = SIMPLE.matcher(value);
        try {
            return simple.matches()
                    ? Duration.of(Long.parseLong(simple.group(1)), unit(simple.group(2)))
                    : Duration.parse(value);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not " + EXPECTED, e);
        }
    }

    /** The shortest of the accepted forms that says {@code duration} exactly, e.g. {@code 500ms} or {@code 10s}. */
    public static String format(Duration duration) {
        if (duration.toMillis() % 1000 != 0 || duration.isZero()) {
            return duration.toMillis() + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    private static ChronoUnit unit(String suffix) {
        return switch (suffix) {
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            default -> ChronoUnit.HOURS;
        };
    }
}

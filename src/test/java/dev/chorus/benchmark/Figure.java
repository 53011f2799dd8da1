package dev.chorus.benchmark;

import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.HdrHistogram.Histogram;

/**
 * One row's value for one server: its text as printed, and the number behind it when there is one (the
 * report divides the numbers of Chorus and the baseline).
 *
 * @param value the number, or NaN for a text-only figure
 */
record Figure(String name, String text, double value) {

    static Figure number(String name, double value, String format) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return text(name, "n/a");
        }
        return new Figure(name, String.format(Locale.ROOT, format, value), value);
    }

    static Figure count(String name, long value) {
        return new Figure(name, String.format(Locale.ROOT, "%,d", value), value);
    }

    static Figure text(String name, String text) {
        return new Figure(name, text, Double.NaN);
    }

    static Figure kib(String name, OptionalLong kib) {
        return kib.isPresent() ? number(name, kib.getAsLong() / 1024.0, "%.1f") : text(name, "n/a");
    }

    static Figure number(String name, OptionalDouble value, String format) {
        return value.isPresent() ? number(name, value.getAsDouble(), format) : text(name, "n/a");
    }

    /** A latency percentile (or max at 100) in milliseconds from a histogram of microseconds. */
    static Figure latency(String name, Histogram micros, double percentile) {
        if (micros.getTotalCount() == 0) {
            return text(name, "n/a (none)");
        }
        long value = percentile >= 100 ? micros.getMaxValue() : micros.getValueAtPercentile(percentile);
        return number(name, value / 1000.0, "%.2f");
    }

    boolean numeric() {
        return !Double.isNaN(value);
    }
}

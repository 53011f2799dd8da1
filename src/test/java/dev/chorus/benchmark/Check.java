package dev.chorus.benchmark;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One thing the churn soak wants back at its baseline: its value before and after, and how far apart they may
 * be. It passes when both are known and within the margin; a value the server does not show is "n/a", not a pass.
 *
 * @param margin the largest difference that still passes, either way (0: exactly)
 * @param format how one value prints, e.g. {@code %.0f} or {@code %.1f MiB}
 */
record Check(String item, double margin, String format, OptionalDouble before, OptionalDouble after) {

    boolean known() {
        return before.isPresent() && after.isPresent();
    }

    boolean passes() {
        return known() && Math.abs(difference()) <= margin;
    }

    /** The report's row name: the item and its margin. */
    String name() {
        String allowed = margin == 0 ? "exactly" : "±" + String.format(Locale.ROOT, format, margin);
        return item + " (" + allowed + ")";
    }

    /** {@code PASS: 87 → 87}, {@code FAIL: 87 → 287 (+200)}, or {@code n/a (before: 87, after: n/a)}. */
    String verdict() {
        if (!known()) {
            return "n/a (before " + shown(before) + ", after " + shown(after) + ")";
        }
        String change = difference() == 0 ? "" : " (" + (difference() > 0 ? "+" : "") + value(difference()) + ")";
        return (passes() ? "PASS: " : "FAIL: ") + value(before.getAsDouble()) + " → " + value(after.getAsDouble())
                + change;
    }

    /** Its row, its name after {@code when}, e.g. {@code stalled sockets still open: open fds (exactly)}. */
    Figure figure(String when) {
        return Figure.text(when + name(), verdict());
    }

    private double difference() {
        return after.getAsDouble() - before.getAsDouble();
    }

    private String shown(OptionalDouble value) {
        return value.isPresent() ? value(value.getAsDouble()) : "n/a";
    }

    private String value(double value) {
        return String.format(Locale.ROOT, format, value);
    }
}

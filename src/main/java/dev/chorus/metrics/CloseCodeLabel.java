package dev.chorus.metrics;

/**
 * The {@code code} label of {@code chorus_closes_total}. A client chooses its own close code, so taking the
 * label straight from it would let clients make about 4000 series (1000 to 4999). The codes RFC 6455 and the
 * IANA registry define (1000 to 1003 and 1005 to 1015, which Chorus, a container or a peer may report) keep
 * their own label; the rest fold into three: {@code 3xxx} (registered for libraries and frameworks), {@code 4xxx}
 * (private use), and {@code other} (reserved, unassigned or invalid). At most {@link #MAX_LABELS} in all.
 */
final class CloseCodeLabel {

    /** How many labels there can be: 4 + 11 standard codes, 3xxx, 4xxx, other. */
    static final int MAX_LABELS = 18;

    private CloseCodeLabel() {}

    /** The label for {@code code}. */
    static String of(int code) {
        if ((code >= 1000 && code <= 1003) || (code >= 1005 && code <= 1015)) {
            return Integer.toString(code);
        }
        if (code >= 3000 && code <= 3999) {
            return "3xxx";
        }
        if (code >= 4000 && code <= 4999) {
            return "4xxx";
        }
        return "other";
    }
}

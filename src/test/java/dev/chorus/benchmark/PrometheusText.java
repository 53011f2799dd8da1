package dev.chorus.benchmark;

import java.util.OptionalDouble;

/** Reads one metric out of a Prometheus text exposition (format 0.0.4), as Chorus's metrics path serves it. */
final class PrometheusText {

    private PrometheusText() {}

    /**
     * The sum of every sample of {@code name} (all its label sets), or empty when the text has no such metric,
     * so a gauge another version of the server does not export reads "n/a" rather than 0.
     */
    static OptionalDouble sum(String text, String name) {
        double sum = 0;
        boolean found = false;
        for (String line : text.split("\n")) {
            if (line.startsWith("#") || !line.startsWith(name)) {
                continue;
            }
            String rest = line.substring(name.length());
            int value;
            if (rest.startsWith("{")) {
                int end = rest.lastIndexOf('}');
                if (end < 0) {
                    continue;
                }
                value = end + 1;
            } else if (rest.startsWith(" ")) {
                value = 0;
            } else {
                continue; // another metric whose name starts with this one, e.g. name_total
            }
            String[] fields = rest.substring(value).trim().split("\\s+");
            try {
                sum += Double.parseDouble(fields[0]);
                found = true;
            } catch (NumberFormatException e) {
                // Not a sample line after all; skip it.
            }
        }
        return found ? OptionalDouble.of(sum) : OptionalDouble.empty();
    }
}

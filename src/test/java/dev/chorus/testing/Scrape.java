package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a Prometheus text page, read into samples: {@code value("chorus_closes_total", "code",
 * "1000")}. A sample that is not there reads as 0, as a counter that has not moved yet.
 */
public final class Scrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[^}]*\\})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("(\\w+)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;
    private final Map<String, Double> samples = new HashMap<>();
    /** Each sample's name and labels, in page order (for the label values a metric has). */
    private final java.util.List<Map.Entry<String, Map<String, String>>> series = new java.util.ArrayList<>();

    private Scrape(String text) {
        this.text = text;
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (!line.startsWith("#") && sample.find()) {
                Map<String, String> labels = labels(sample.group(2));
                samples.put(key(sample.group(1), labels), Double.parseDouble(sample.group(3)));
                series.add(Map.entry(sample.group(1), labels));
            }
        }
    }

    /** GETs {@code uri} (which must answer 200 in the Prometheus text format) and reads it. */
    public static Scrape of(URI uri) throws IOException, InterruptedException {
        HttpResponse<String> response = Http.get(uri);
        assertEquals(200, response.statusCode(), () -> "GET " + uri + ": " + response.body());
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/plain")) {
            fail("not the Prometheus text format: " + type);
        }
        return new Scrape(response.body());
    }

    /** The sample {@code name} with exactly the labels {@code labelsAndValues} (name, value, name, value …). */
    public double value(String name, String... labelsAndValues) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < labelsAndValues.length; i += 2) {
            labels.put(labelsAndValues[i], labelsAndValues[i + 1]);
        }
        return samples.getOrDefault(key(name, labels), 0.0);
    }

    /** Every value that label {@code label} of metric {@code name} takes on this page. */
    public java.util.Set<String> labelValues(String name, String label) {
        java.util.Set<String> values = new java.util.TreeSet<>();
        for (Map.Entry<String, Map<String, String>> sample : series) {
            if (sample.getKey().equals(name) && sample.getValue().containsKey(label)) {
                values.add(sample.getValue().get(label));
            }
        }
        return values;
    }

    /** The sum of every sample of metric {@code name}, whatever its labels (0 if it has none). */
    public double sum(String name) {
        double sum = 0;
        for (Map.Entry<String, Map<String, String>> sample : series) {
            if (sample.getKey().equals(name)) {
                sum += samples.get(key(name, sample.getValue()));
            }
        }
        return sum;
    }

    public String text() {
        return text;
    }

    /**
     * Scrapes {@code uri} until sample {@code name} reads {@code expected} (bounded by {@link Peer#WAIT}) and
     * returns that scrape: counters of sends move when the container reports a send done, which may be just
     * after the peer has the message.
     */
    public static Scrape awaitValue(URI uri, double expected, String name, String... labelsAndValues)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        Scrape scrape = of(uri);
        while (scrape.value(name, labelsAndValues) != expected) {
            if (System.nanoTime() > deadline) {
                fail(name + " " + java.util.Arrays.toString(labelsAndValues) + ": expected " + expected + ", still "
                        + scrape.value(name, labelsAndValues) + " after " + Peer.WAIT.toSeconds() + " s");
            }
            scrape = of(uri);
        }
        return scrape;
    }

    /**
     * Scrapes {@code uri} until {@code reading} of it is at least {@code least} (bounded by {@link Peer#WAIT})
     * and returns that scrape: counters that move after the peer has seen the event (a close, a refusal).
     *
     * @param what names the reading in the failure message
     */
    public static Scrape awaitAtLeast(URI uri, double least, String what, ToDoubleFunction<Scrape> reading)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        while (true) {
            Scrape scrape = of(uri);
            if (reading.applyAsDouble(scrape) >= least) {
                return scrape;
            }
            if (System.nanoTime() > deadline) {
                fail(what + ": expected at least " + least + ", still " + reading.applyAsDouble(scrape) + " after "
                        + Peer.WAIT.toSeconds() + " s");
            }
        }
    }

    private static Map<String, String> labels(String braces) {
        Map<String, String> labels = new HashMap<>();
        if (braces != null) {
            Matcher label = LABEL.matcher(braces);
            while (label.find()) {
                labels.put(label.group(1), label.group(2));
            }
        }
        return labels;
    }

    private static String key(String name, Map<String, String> labels) {
        return name + new java.util.TreeMap<>(labels);
    }
}

package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code deploy/systemd/chorus.service} as shipped: systemd accepts it, and it waits long enough for a stop. */
class SystemdUnitTest {

    private static final Path UNIT = Path.of("deploy", "systemd", "chorus.service");
    private static final Path SYSTEMD_ANALYZE = Path.of("/usr/bin/systemd-analyze");
    /** A span such as {@code 20s}, {@code 1min 30s} or {@code 90} (seconds): the forms systemd.time(7) takes. */
    private static final Pattern SPAN_PART = Pattern.compile("(\\d+)\\s*(ms|s|sec|m|min|h)?");

    @Test
    void systemdAnalyzeVerifiesTheUnitWithoutAComplaint() throws Exception {
        assumeTrue(Files.isExecutable(SYSTEMD_ANALYZE), SYSTEMD_ANALYZE + " is not here");
        Process verify = new ProcessBuilder(SYSTEMD_ANALYZE.toString(), "verify", "--man=no", UNIT.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(verify.waitFor(60, TimeUnit.SECONDS), "systemd-analyze verify did not finish in 60 s");

        // Where the unit runs, the jar and the user exist; on a build machine they need not.
        List<String> complaints = output.lines()
                .filter(line -> !line.contains("/opt/chorus/") && !line.matches("(?i).*\\buser\\b.*\\bchorus\\b.*"))
                .toList();
        assertEquals(List.of(), complaints, output);
        assertEquals(0, verify.exitValue(), output);
    }

    @Test
    void theStopTimeoutCoversTheDrainAndTheCloseGrace() throws IOException {
        Map<String, String> service = section("Service");
        Duration stop = span(service.get("TimeoutStopSec"));

        assertTrue(
                stop.compareTo(StopBudget.longest()) >= 0,
                () -> "TimeoutStopSec " + stop + " < drain " + StopBudget.drain() + " + close grace "
                        + StopBudget.closeGrace());
    }

    @Test
    void itRunsTheJarAsItsOwnUserWithSettingsFromTheEnvironmentFileAndRestartsOnFailure() throws IOException {
        Map<String, String> service = section("Service");

        assertEquals("chorus", service.get("User"));
        assertTrue(service.get("ExecStart").endsWith("-jar /opt/chorus/chorus.jar"), service.get("ExecStart"));
        assertEquals("-/etc/chorus/chorus.env", service.get("EnvironmentFile"));
        assertEquals("on-failure", service.get("Restart"));
        assertEquals("yes", service.get("NoNewPrivileges"));
        assertEquals("strict", service.get("ProtectSystem"));
    }

    /** The last value of each key in {@code [name]} (systemd lets a later assignment win for these keys). */
    private static Map<String, String> section(String name) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        boolean inside = false;
        for (String line : Files.readAllLines(UNIT)) {
            String text = line.strip();
            if (text.startsWith("[")) {
                inside = text.equals("[" + name + "]");
            } else if (inside && !text.isEmpty() && !text.startsWith("#") && text.contains("=")) {
                keys.put(
                        text.substring(0, text.indexOf('=')).strip(),
                        text.substring(text.indexOf('=') + 1).strip());
            }
        }
        return keys;
    }

    private static Duration span(String text) {
        assertTrue(text != null && text.matches("(\\s*" + SPAN_PART + ")+\\s*"), () -> "not a time span: " + text);
        Duration total = Duration.ZERO;
        Matcher part = SPAN_PART.matcher(text);
        while (part.find()) {
            long value = Long.parseLong(part.group(1));
            String unit = part.group(2) == null ? "s" : part.group(2);
            total = total.plus(
                    switch (unit) {
                        case "ms" -> Duration.ofMillis(value);
                        case "m", "min" -> Duration.ofMinutes(value);
                        case "h" -> Duration.ofHours(value);
                        default -> Duration.ofSeconds(value);
                    });
        }
        return total;
    }
}

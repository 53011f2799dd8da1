package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs one command of a container's own command-line tool, bounded, and fails the test if it fails. */
final class ConsoleCommand {

    /** asadmin and jboss-cli each start a JVM and talk to the server: seconds, far below this. */
    private static final long LIMIT_SECONDS = 120;

    private ConsoleCommand() {}

    /** The directory the build unpacked the containers into. */
    static Path containers() {
        return Path.of(System.getProperty("containers.dir", "target/containers"));
    }

    /** Runs {@code line} with the test's Java as the tool's; returns its output (stdout and stderr). */
    static String run(List<String> line) throws IOException, InterruptedException {
        File output = File.createTempFile("console", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(line)
                    .redirectErrorStream(true)
                    .redirectOutput(output)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process process = builder.start();
            if (!process.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail(String.join(" ", line) + " did not end within " + LIMIT_SECONDS + " s: " + read(output));
            }
            String said = read(output);
            assertEquals(0, process.exitValue(), () -> String.join(" ", line) + ": " + said);
            return said;
        } finally {
            Files.deleteIfExists(output.toPath());
        }
    }

    private static String read(File output) throws IOException {
        return Files.readString(output.toPath(), StandardCharsets.UTF_8);
    }
}

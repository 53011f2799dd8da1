package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/container/Dockerfile's configuration, read as the file it is (no container engine here): a non-root
 * user, every interface inside the container, a heap sized from the container's memory, the chat and internal
 * ports exposed, and the jar as its entrypoint. Every CHORUS_ variable it sets must be a real setting.
 */
class ContainerImageTest {

    private static final Path DOCKERFILE = Path.of("deploy/container/Dockerfile");

    @Test
    void theImageRunsTheJarAsANonRootUserOnEveryInterfaceWithTheChatAndInternalPortsExposed() throws IOException {
        List<String> lines = instructions();
        Map<String, String> env = environment(lines);

        assertEquals("USER 10001:10001", only(lines, "USER "), "a numeric, non-root user");
        assertEquals("ENTRYPOINT [\"java\", \"-jar\", \"/opt/chorus/chorus.jar\"]", only(lines, "ENTRYPOINT "));
        assertEquals("0.0.0.0", env.get("CHORUS_HOST"));
        assertEquals("0.0.0.0", env.get("CHORUS_INTERNAL_HOST"));
        assertEquals(
                "EXPOSE " + env.get("CHORUS_PORT") + " " + env.get("CHORUS_INTERNAL_PORT"),
                only(lines, "EXPOSE "),
                "the ports it listens on are the ones it exposes");
        assertTrue(env.get("JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage="), "heap from the container's memory");
    }

    @Test
    void everyChorusVariableTheImageSetsIsASetting() throws IOException {
        List<String> known = java.util.Arrays.stream(Setting.values())
                .map(Setting::environmentVariable)
                .toList();
        for (String name : environment(instructions()).keySet()) {
            assertTrue(!name.startsWith("CHORUS_") || known.contains(name), () -> name + " is no setting");
        }
    }

    /** The Dockerfile's instructions, continuation lines joined, comments left out. */
    private static List<String> instructions() throws IOException {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(DOCKERFILE)) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String trimmed = line.trim();
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                    .append(' ');
            if (!continues) {
                joined.add(current.toString().trim().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return joined;
    }

    private static String only(List<String> lines, String prefix) {
        List<String> found =
                lines.stream().filter(line -> line.startsWith(prefix)).toList();
        assertEquals(1, found.size(), () -> "one " + prefix.trim() + ": " + found);
        return found.get(0);
    }

    /** ENV NAME=VALUE pairs (values may be quoted and hold spaces). */
    private static Map<String, String> environment(List<String> lines) {
        Map<String, String> env = new LinkedHashMap<>();
        java.util.regex.Matcher pair = java.util.regex.Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)")
                .matcher(only(lines, "ENV ").substring("ENV ".length()));
        while (pair.find()) {
            env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
        }
        return env;
    }
}

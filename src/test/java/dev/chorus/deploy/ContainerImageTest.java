package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * deploy/container/Dockerfile's configuration, read as the file it is (no container engine here): a non-root
 * user, every interface inside the container, a heap sized from the container's memory, the chat and internal
 * ports exposed, and the jar as its entrypoint. Every CHORUS_ variable it sets must be a real setting. The image
 * Jib builds is held to the same file by {@link ContainerTarballIT}.
 */
class ContainerImageTest {

    @Test
    void theImageRunsTheJarAsANonRootUserOnEveryInterfaceWithTheChatAndInternalPortsExposed() throws IOException {
        Dockerfile dockerfile = Dockerfile.read();
        Map<String, String> env = dockerfile.environment();

        assertEquals("USER 10001:10001", dockerfile.only("USER"), "a numeric, non-root user");
        assertEquals("ENTRYPOINT [\"java\", \"-jar\", \"/opt/chorus/chorus.jar\"]", dockerfile.only("ENTRYPOINT"));
        assertEquals(List.of("java", "-jar", "/opt/chorus/chorus.jar"), dockerfile.entrypoint());
        assertEquals("0.0.0.0", env.get("CHORUS_HOST"));
        assertEquals("0.0.0.0", env.get("CHORUS_INTERNAL_HOST"));
        assertEquals(
                "EXPOSE " + env.get("CHORUS_PORT") + " " + env.get("CHORUS_INTERNAL_PORT"),
                dockerfile.only("EXPOSE"),
                "the ports it listens on are the ones it exposes");
        assertTrue(env.get("JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage="), "heap from the container's memory");
    }

    @Test
    void theImageProfileBuildsOnTheDockerfilesBase() throws IOException {
        String from = Dockerfile.read().argument("FROM");
        assertTrue(
                Files.readString(Path.of("pom.xml")).contains("<image.from>" + from + "</image.from>"),
                () -> "pom.xml's image profile sets image.from to " + from + ", the Dockerfile's FROM");
    }

    @Test
    void everyChorusVariableTheImageSetsIsASetting() throws IOException {
        List<String> known = Arrays.stream(Setting.values())
                .map(Setting::environmentVariable)
                .toList();
        for (String name : Dockerfile.read().environment().keySet()) {
            assertTrue(!name.startsWith("CHORUS_") || known.contains(name), () -> name + " is no setting");
        }
    }
}

package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The image Jib wrote at package (target/jib/chorus-scratch.tar, or with -Pimage target/chorus-image.tar), read as
 * `docker load` would read it: manifest.json names the configuration and the layers. Its entrypoint, user, exposed
 * ports and environment must be the Dockerfile's, and its one file of ours is the chorus.jar this build made.
 */
class ContainerTarballIT {

    private static final Path TARBALL =
            Path.of(System.getProperty("chorus.image.tar", "target/jib/chorus-scratch.tar"));
    private static final Path JAR = Path.of(System.getProperty("chorus.jar", "target/chorus.jar"));

    private static Dockerfile dockerfile;
    private static JsonObject config;
    private static List<TarEntries.Entry> files;

    @BeforeAll
    static void readTheTarball() throws IOException {
        assertTrue(Files.isRegularFile(TARBALL), () -> TARBALL + " is missing: the build writes it at package (Jib)");
        dockerfile = Dockerfile.read();
        Map<String, byte[]> top = new HashMap<>();
        try (InputStream in = Files.newInputStream(TARBALL)) {
            TarEntries.read(in, name -> true).forEach(entry -> top.put(entry.name(), entry.content()));
        }
        JsonObject manifest = json(top.get("manifest.json")).asJsonArray().getJsonObject(0);
        config = json(top.get(manifest.getString("Config"))).asJsonObject().getJsonObject("config");
        files = new ArrayList<>();
        for (JsonString layer : manifest.getJsonArray("Layers").getValuesAs(JsonString.class)) {
            try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(top.get(layer.getString())))) {
                files.addAll(TarEntries.read(in, name -> name.startsWith("opt/chorus/")));
            }
        }
    }

    @Test
    void theImageRunsTheDockerfilesEntrypointAsItsNumericNonRootUser() {
        assertEquals(dockerfile.entrypoint(), strings(config, "Entrypoint"), "entrypoint");
        assertEquals("10001:10001", config.getString("User"), "a numeric, non-root user");
        assertEquals(dockerfile.argument("USER"), config.getString("User"), "the Dockerfile's user");
    }

    @Test
    void theImageExposesTheChatAndInternalPortsTheDockerfileExposes() {
        List<String> expected = dockerfile.exposedPorts().stream()
                .map(port -> port + "/tcp")
                .sorted()
                .toList();
        List<String> exposed =
                config.getJsonObject("ExposedPorts").keySet().stream().sorted().toList();
        assertEquals(expected, exposed, "exposed ports");
        assertEquals(List.of("9001/tcp", "9090/tcp"), exposed);
    }

    @Test
    void theImageSetsEveryVariableTheDockerfileSetsToTheSameValue() {
        Map<String, String> env = new HashMap<>();
        for (String pair : strings(config, "Env")) {
            env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Map<String, String> expected = dockerfile.environment();
        expected.forEach((name, value) -> assertEquals(value, env.get(name), () -> name + " in " + env));
        assertEquals("0.0.0.0", env.get("CHORUS_HOST"), "every interface inside the container");
        assertEquals("0.0.0.0", env.get("CHORUS_INTERNAL_HOST"));
        assertTrue(
                env.get("JAVA_TOOL_OPTIONS").contains("-XX:MaxRAMPercentage=75"), "heap from the container's memory");
    }

    @Test
    void theImageCarriesThisBuildsChorusJarAtTheEntrypointsPathAndNothingElseOfOurs() throws IOException {
        String jarInImage = strings(config, "Entrypoint").get(2).substring(1);
        List<String> ours = files.stream()
                .filter(entry -> !entry.directory())
                .map(TarEntries.Entry::name)
                .toList();
        assertEquals(List.of(jarInImage), ours, "regular files under /opt/chorus (the exploded WAR left out)");
        byte[] inImage = files.stream()
                .filter(entry -> entry.name().equals(jarInImage))
                .findFirst()
                .orElseThrow()
                .content();
        assertArrayEquals(Files.readAllBytes(JAR), inImage, () -> jarInImage + " differs from " + JAR);
    }

    private static List<String> strings(JsonObject object, String key) {
        return object.getJsonArray(key).getValuesAs(JsonString.class).stream()
                .map(JsonString::getString)
                .toList();
    }

    private static jakarta.json.JsonStructure json(byte[] bytes) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(bytes))) {
            return reader.read();
        }
    }
}

package dev.chorus.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.testing.JarProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;

/** What the build ships: the WAR leans on its container, the jar carries everything it needs. */
class ArtifactsIT {

    /**
     * Jars a Jakarta EE container already provides; one of these in WEB-INF/lib would clash with it. SLF4J's API
     * is not among them and ships in the WAR, because Jedis logs through it and Payara 6 provides it to no
     * application: Payara stopped exporting its own (payara/Payara#6233), and 6.2025.9 holds no org.slf4j class.
     * WildFly adds its org.slf4j module to every deployment implicitly, so there the copy is not needed.
     */
    private static final Pattern CONTAINER_PROVIDED = Pattern.compile(
            "tyrus|grizzly|undertow|jakarta\\.|javax\\.|websocket-api|servlet|weld|jboss|glassfish|payara|hk2|cdi|parsson");

    private static List<String> entries(Path archive) throws IOException {
        try (ZipFile zip = new ZipFile(archive.toFile())) {
            return zip.stream().map(ZipEntry::getName).toList();
        }
    }

    private static Path war() {
        return Path.of(System.getProperty("chorus.war", "target/chorus.war"));
    }

    @Test
    void theWarHoldsNoJarAContainerAlreadyProvides() throws IOException {
        List<String> clashing = entries(war()).stream()
                .filter(name -> name.startsWith("WEB-INF/lib/"))
                .filter(name -> CONTAINER_PROVIDED
                        .matcher(name.toLowerCase(Locale.ROOT))
                        .find())
                .toList();
        assertEquals(List.of(), clashing);
    }

    @Test
    void theWarHoldsTheEndpointAndThePageButNotTheLauncher() throws IOException {
        List<String> names = entries(war());
        assertTrue(names.contains("WEB-INF/classes/dev/chorus/endpoint/ChatEndpoint.class"), names::toString);
        assertTrue(names.containsAll(List.of("index.html", "chat.js", "chat.css")), names::toString);
        assertTrue(names.stream().noneMatch(name -> name.contains("dev/chorus/launcher/")), names::toString);
        assertTrue(names.stream().noneMatch(name -> name.startsWith("WEB-INF/classes/webapp/")), names::toString);
    }

    @Test
    void theJarCarriesThePageAndItsOwnWebSocketRuntime() throws IOException {
        List<String> names = entries(JarProcess.jar());
        assertTrue(names.contains("webapp/index.html"), "the page travels inside the jar");
        assertTrue(names.contains("dev/chorus/launcher/Main.class"));
        assertTrue(names.contains("org/glassfish/tyrus/core/TyrusWebSocketEngine.class"));
        assertTrue(names.contains("org/glassfish/grizzly/http/server/HttpServer.class"));
        assertTrue(names.contains("jakarta/json/Json.class"), "chorus.v1's JSON API");
        assertTrue(names.contains("org/eclipse/parsson/JsonProviderImpl.class"), "and its implementation");
        assertTrue(names.contains("META-INF/services/jakarta.json.spi.JsonProvider"), "found through ServiceLoader");
        assertTrue(names.contains("redis/clients/jedis/Jedis.class"), "the Redis client for --redis");
        assertTrue(names.contains("com/nimbusds/jwt/proc/DefaultJWTProcessor.class"), "the JWT library for --jwt-key");
    }

    @Test
    void theWarCarriesTheRedisClientNoContainerProvides() throws IOException {
        List<String> names = entries(war());
        assertTrue(names.stream().anyMatch(name -> name.matches("WEB-INF/lib/jedis-[\\d.]+\\.jar")), names::toString);
        assertTrue(
                names.stream().anyMatch(name -> name.matches("WEB-INF/lib/commons-pool2-[\\d.]+\\.jar")),
                names::toString);
    }

    @Test
    void theWarCarriesTheJwtLibraryNoContainerProvides() throws IOException {
        List<String> names = entries(war());
        assertTrue(
                names.stream().anyMatch(name -> name.matches("WEB-INF/lib/nimbus-jose-jwt-[\\d.]+\\.jar")),
                names::toString);
    }
}

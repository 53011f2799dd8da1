package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.testing.ClusterNode;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RedisServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WAR on Payara as one node and a launcher as the other, on one Redis: they are one chat. The WAR reads
 * {@code chorus.redis} when it starts, and this test's Redis exists only once Arquillian has deployed the WAR,
 * so the test sets that system property in the domain (as an operator would, with asadmin) and restarts the
 * application; afterwards it removes the property again, for the container tests that follow.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ScaleOutOnPayaraIT extends DeployedWar {

    /** The application's name in Payara: the WAR's file name. */
    private static final String APPLICATION = "chorus";

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    @Test
    void aClientOfTheWarAndAClientOfALauncherNodeChatThroughRedis() throws Exception {
        // Colons separate asadmin's properties: escaped, they are part of the value.
        asadmin(
                "create-system-properties",
                "chorus.redis=" + REDIS.uri().toString().replace(":", "\\:"));
        try (ClusterNode launcher = ClusterNode.start(REDIS.uri())) {
            restartApplication();
            try (Peer onWar = Peer.join(chatUri());
                    Peer onLauncher = Peer.join(launcher.uri())) {
                onWar.expect(Peer.GREETING);
                int fromWar = onWar.sayAndLearnId("hello from Payara", onLauncher);
                int fromLauncher = onLauncher.sayAndLearnId("hello from the launcher", onWar);
            }
        } finally {
            asadmin("delete-system-property", "chorus.redis");
            restartApplication();
        }
    }

    private static void restartApplication() throws IOException, InterruptedException {
        asadmin("disable", APPLICATION);
        asadmin("enable", APPLICATION);
    }

    private static void asadmin(String... command) throws IOException, InterruptedException {
        Path asadmin = Path.of(System.getProperty("containers.dir", "target/containers"), "payara6", "bin", "asadmin");
        List<String> line = new ArrayList<>(List.of(asadmin.toString(), "--host", "127.0.0.1", "--port", "24848"));
        line.addAll(List.of(command));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // asadmin ends by itself (its own timeouts): its output is complete once it exits.
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        assertEquals(0, process.exitValue(), () -> String.join(" ", line) + ": " + output);
    }
}

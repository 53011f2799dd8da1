package dev.chorus.containers;

import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.chorus.settings.Setting;
import dev.chorus.testing.ClusterNode;
import dev.chorus.testing.Peer;
import dev.chorus.testing.RedisServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The WAR on Payara as one node and a launcher as the other, on one Redis: they are one chat. The WAR reads
 * {@code chorus.redis} when it starts, and this test's Redis exists only once Arquillian has deployed the WAR,
 * so the test sets that system property in the domain (as an operator would, with asadmin) and restarts the
 * application; afterwards it removes the property again and restarts the application once more (off Redis
 * before Redis stops), so the container tests that follow see the defaults.
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class ScaleOutOnPayaraIT extends DeployedWar {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private final ServerConsole asadmin = new Asadmin();

    @Test
    void aClientOfTheWarAndAClientOfALauncherNodeChatThroughRedis() throws Exception {
        String redis = Setting.REDIS.property();
        asadmin.setSystemProperty(redis, REDIS.uri().toString());
        try (ClusterNode launcher = ClusterNode.start(REDIS.uri())) {
            asadmin.restartApplication();
            try (Peer onWar = Peer.join(chatUri());
                    Peer onLauncher = Peer.join(launcher.uri())) {
                onWar.expect(Peer.GREETING);
                int fromWar = onWar.sayAndLearnId("hello from Payara", onLauncher);
                int fromLauncher = onLauncher.sayAndLearnId("hello from the launcher", onWar);
                assertNotEquals(fromWar, fromLauncher, "ids are the cluster's");
            }
        } finally {
            asadmin.removeSystemProperty(redis);
            asadmin.restartApplication();
        }
    }
}

package dev.chorus.containers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * WildFly's {@code jboss-cli.sh}, on the test server's management port (30990, as {@code arquillian.xml} sets
 * it), with the local user's implicit authentication.
 */
final class JbossCli implements ServerConsole {

    private static final String HOME = "wildfly-39.0.1.Final";
    private static final String CONTROLLER = "remote+http://127.0.0.1:30990";

    @Override
    public void setSystemProperty(String name, String value) throws IOException, InterruptedException {
        run("/system-property=" + name + ":add(value=\"" + value + "\")");
    }

    @Override
    public void removeSystemProperty(String name) throws IOException, InterruptedException {
        run("/system-property=" + name + ":remove");
    }

    /** {@code undeploy} keeps the content and the deployment's entry: it only stops the application. */
    @Override
    public void disableApplication() throws IOException, InterruptedException {
        run("/deployment=" + WAR + ":undeploy");
    }

    @Override
    public void enableApplication() throws IOException, InterruptedException {
        run("/deployment=" + WAR + ":deploy");
    }

    @Override
    public Path serverLog() {
        return ConsoleCommand.containers().resolve(HOME + "/standalone/log/server.log");
    }

    private static void run(String operation) throws IOException, InterruptedException {
        String cli =
                ConsoleCommand.containers().resolve(HOME + "/bin/jboss-cli.sh").toString();
        ConsoleCommand.run(List.of(cli, "--connect", "--controller=" + CONTROLLER, "--command=" + operation));
    }
}

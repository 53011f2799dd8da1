package dev.chorus.containers;

import java.io.IOException;
import java.nio.file.Path;

/**
 * What an operator does to the container the WAR runs in, from its own command line: set and remove a
 * server system property (where Chorus reads its settings) and switch the application off and on (when it
 * reads them). {@link #ofThisRun()} picks the container the failsafe execution chose.
 */
interface ServerConsole {

    /** The application's name in either container: the WAR's file name, {@code chorus.war}. */
    String WAR = "chorus.war";

    void setSystemProperty(String name, String value) throws IOException, InterruptedException;

    void removeSystemProperty(String name) throws IOException, InterruptedException;

    /** Stops the application as undeploying it would (its listeners' {@code contextDestroyed} runs). */
    void disableApplication() throws IOException, InterruptedException;

    void enableApplication() throws IOException, InterruptedException;

    /** The container's own log file, where the application's log lines go. */
    Path serverLog();

    /** Off and on again, so the application reads its settings anew. */
    default void restartApplication() throws IOException, InterruptedException {
        disableApplication();
        enableApplication();
    }

    /** The console of the container {@code arquillian.launch} names (set by the failsafe execution). */
    static ServerConsole ofThisRun() {
        String container = System.getProperty("arquillian.launch", "");
        return switch (container) {
            case "payara" -> new Asadmin();
            case "wildfly" -> new JbossCli();
            default -> throw new IllegalStateException(
                    "arquillian.launch is '" + container + "': run this through a container's failsafe execution");
        };
    }
}

package dev.chorus.containers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Payara's {@code asadmin}, on the test domain's admin port (24848, where the build moved it). */
final class Asadmin implements ServerConsole {

    /** asadmin names an application by the WAR's file name without {@code .war}. */
    private static final String APPLICATION = WAR.substring(0, WAR.length() - ".war".length());

    @Override
    public void setSystemProperty(String name, String value) throws IOException, InterruptedException {
        // Colons separate asadmin's properties: escaped, they are part of the value.
        run("create-system-properties", name + "=" + value.replace(":", "\\:"));
    }

    @Override
    public void removeSystemProperty(String name) throws IOException, InterruptedException {
        run("delete-system-property", name);
    }

    @Override
    public void disableApplication() throws IOException, InterruptedException {
        run("disable", APPLICATION);
    }

    @Override
    public void enableApplication() throws IOException, InterruptedException {
        run("enable", APPLICATION);
    }

    @Override
    public Path serverLog() {
        return ConsoleCommand.containers().resolve("payara6/glassfish/domains/domain1/logs/server.log");
    }

    private static void run(String... command) throws IOException, InterruptedException {
        String asadmin =
                ConsoleCommand.containers().resolve("payara6/bin/asadmin").toString();
        List<String> line = new ArrayList<>(List.of(asadmin, "--host", "127.0.0.1", "--port", "24848"));
        line.addAll(List.of(command));
        ConsoleCommand.run(line);
    }
}

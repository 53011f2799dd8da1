package dev.chorus.benchmark;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The report's preamble: the machine, the exact commands, and how each server ran. */
final class Header {

    private Header() {}

    /**
     * @param args the benchmark's own arguments, as given
     * @param clientThreads the load generator's executor threads
     */
    static String of(
            List<String> args,
            Plan plan,
            List<Contender> contenders,
            int clientThreads,
            Instant started,
            Duration took) {
        List<String> lines = new ArrayList<>(List.of("# Chorus benchmark", "", Machine.describe()));
        lines.add("- Command: `" + mavenCommand(args) + "`");
        lines.add("- Benchmark JVM: `java "
                + String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments())
                + " -classpath <test class path> " + Benchmark.class.getName() + " " + String.join(" ", args)
                + "`");
        for (Contender contender : contenders) {
            lines.add("- " + contender.label() + ": " + contender.shown());
        }
        lines.add("- Servers: " + (plan.freshServers() ? "a fresh process per workload" : "one process per column")
                + ", each warmed up with " + plan.serverWarmup().toMillis() / 1000.0 + " s of chat traffic first");
        lines.add(
                "- Load generator: this JVM; clients on the JDK's java.net.http.WebSocket, one HttpClient"
                        + " with " + clientThreads + " executor threads; the slow workload's readers on raw sockets,"
                        + " one selector thread; the churn soak's clients on blocking raw sockets, a thread per cycle in flight");
        lines.add("- Started " + started + ", took " + took.toSeconds() + " s");
        lines.add("");
        return String.join("\n", lines);
    }

    /** The Maven command that runs these arguments (the bench profile adds --jar itself). */
    private static String mavenCommand(List<String> args) {
        List<String> own = new ArrayList<>(args);
        int jar = own.indexOf("--jar");
        if (jar >= 0 && jar + 1 < own.size()) {
            own.subList(jar, jar + 2).clear();
        }
        String joined = String.join(" ", own);
        return "mvn -B -Pbench package" + (joined.isEmpty() ? "" : " -Dbench.args=\"" + joined + "\"");
    }
}

package dev.chorus.benchmark;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The benchmark's command line: runs each chosen workload against Chorus and the naive baseline, one right after
 * the other, and prints one Markdown table on stdout (progress goes to stderr). Bad arguments: one line, exit 2.
 * Run it with {@code mvn -B -Pbench package}.
 */
@Command(
        name = "benchmark",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = "Benchmarks Chorus against a naive Tyrus endpoint and prints a Markdown table.")
public final class Benchmark implements Callable<Integer> {

    /** The workloads, in the default run's order; named as on the command line by {@link #toString}. */
    enum Kind {
        connect,
        fanout,
        fanout_v1,
        rooms,
        rate,
        slow,
        churn;

        /** {@code fanout-v1}: picocli matches an enum value by its name or by this. */
        @Override
        public String toString() {
            return name().replace('_', '-');
        }
    }

    /** The servers a run can compare, in the report's column order. */
    enum Side {
        chorus,
        naive,
        ws
    }

    @Spec
    private CommandSpec spec;

    @Option(names = "--jar", paramLabel = "PATH", description = "The chorus.jar to benchmark.")
    private Path jar;

    @Option(
            names = "--url",
            paramLabel = "URL",
            description = "Benchmark this running server (ws://127.0.0.1:PORT/) alone.")
    private URI url;

    @Option(
            names = "--workloads",
            split = ",",
            paramLabel = "LIST",
            description = "Any of ${COMPLETION-CANDIDATES}; default all.")
    private List<Kind> kinds = List.of(Kind.values());

    @Option(
            names = "--server-setting",
            split = ",",
            paramLabel = "NAME=VALUE",
            defaultValue = "message-rate=0,byte-rate=0,max-connections-per-address=100000,max-connections=100000",
            description = "Launcher settings for both servers, as -Dchorus.NAME=VALUE. Default: ${DEFAULT-VALUE}:"
                    + " every client comes from 127.0.0.1, the connect workload may open more than 10 000, and the"
                    + " senders send far more than 50 messages (or 256 KiB) a second, which Chorus's per-address,"
                    + " total and per-client defaults refuse.")
    private Map<String, String> chorusSettings;

    @Option(
            names = "--server-jvm-option",
            paramLabel = "OPTION",
            description = "A JVM option for every server process, Chorus and baseline alike (repeatable), e.g."
                    + " --server-jvm-option=-Xmx256m. Default: none, the JVM's own defaults, as `java -jar` runs.")
    private List<String> jvmOptions = List.of();

    @Option(
            names = "--contenders",
            split = ",",
            paramLabel = "LIST",
            description = "Any of ${COMPLETION-CANDIDATES} (default chorus,naive): ws is the tutorial on Node's ws"
                    + " package (`npm ci --prefix src/test/node` first); it gets no settings and no JVM options.")
    private List<Side> sides = List.of(Side.chorus, Side.naive);

    @Option(
            names = "--two-nodes",
            description = "Also run every workload on Chorus as two nodes on a Redis of their own (needs"
                    + " redis-server): rooms spread over both, senders on both.")
    private boolean twoNodes;

    @Option(
            names = "--redis-latency",
            description = "Instead of the workloads, run redis-latency (needs redis-server): the fanout on two nodes"
                    + " whose Redis answers through a proxy, before, during and after a 300 ms delay on every reply;"
                    + " sizes from the fanout options, each phase as long as --duration-seconds.")
    private boolean redisLatency;

    @Option(names = "--quick", description = "A smoke run: small counts, about a second per workload.")
    private boolean quick;

    @Option(
            names = "--client-threads",
            paramLabel = "N",
            description = "Executor threads of the load generator's HttpClient (2).")
    private int clientThreads = 2;

    @Mixin
    private Overrides overrides;

    /** The run's start, for the report's header. */
    private final Instant started = Instant.now();

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Benchmark()).setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setParameterExceptionHandler((e, given) -> {
            e.getCommandLine().getErr().println("benchmark: " + e.getMessage() + " (try --help)");
            return 2;
        });
        commandLine.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("benchmark: " + e);
            return 1;
        });
        System.exit(commandLine.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Plan plan = plan();
        List<Contender> contenders = contenders();
        Report report = new Report(contenders.stream().map(Contender::label).toList());
        long start = System.nanoTime();
        try (LoadClient client = new LoadClient(clientThreads)) {
            List<Workload> workloads =
                    redisLatency ? RedisLatencyWorkload.all(plan) : plan.workloads(EnumSet.copyOf(kinds));
            new Runs(plan, client, logDirectory(), report).all(workloads, contenders);
        }
        PrintWriter out = spec.commandLine().getOut();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        out.println(Header.of(args, plan, contenders, clientThreads, started, took));
        out.println(report.markdown());
        out.println();
        out.println(Report.NOTES);
        out.flush();
        return 0;
    }

    private Plan plan() {
        Plan plan = overrides.apply(quick ? Plan.QUICK : Plan.FULL);
        try {
            plan.check();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        return plan;
    }

    private List<Contender> contenders() {
        if (url != null) {
            if (!"ws".equals(url.getScheme()) || !"127.0.0.1".equals(url.getHost()) || url.getPort() < 1) {
                throw new ParameterException(spec.commandLine(), "--url must be ws://127.0.0.1:PORT/...: " + url);
            }
            return List.of(Contender.running("server at " + url, new ExternalServer(url)));
        }
        if (jar == null || !Files.isRegularFile(jar)) {
            throw new ParameterException(spec.commandLine(), "--jar must name the built chorus.jar: " + jar);
        }
        if (redisLatency) {
            return List.of(RedisLatencyWorkload.contender(jar, jvmOptions, this::with));
        }
        List<Contender> contenders = new ArrayList<>();
        if (sides.contains(Side.chorus)) {
            contenders.add(Contender.process(
                    "Chorus",
                    added -> ServerProcess.chorus(jar, jvmOptions, with(added)),
                    EnumSet.allOf(Dialect.class),
                    true));
        }
        if (sides.contains(Side.naive)) {
            contenders.add(Contender.process(
                    "naive baseline",
                    added -> ServerProcess.naive(jvmOptions, with(added)),
                    EnumSet.of(Dialect.PLAIN),
                    false));
        }
        if (sides.contains(Side.ws)) {
            contenders.add(
                    Contender.process("Node ws", added -> ServerProcess.node(), EnumSet.of(Dialect.PLAIN), false));
        }
        if (contenders.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--contenders must name at least one");
        }
        if (twoNodes) {
            contenders.add(new Contender(
                    "Chorus, 2 nodes + Redis",
                    "the Chorus command twice, with `-Dchorus.redis=redis://127.0.0.1:PORT` of a `redis-server --save ''"
                            + " --appendonly no` on a free port; its CPU is both nodes' and Redis's, its RSS both nodes'",
                    (log, added) -> ClusterServer.start(jar, jvmOptions, with(added), log),
                    EnumSet.allOf(Dialect.class),
                    true));
        }
        return contenders;
    }

    /** The run's server settings with a workload's own {@code added} over them. */
    private Map<String, String> with(Map<String, String> added) {
        Map<String, String> settings = new LinkedHashMap<>(chorusSettings);
        settings.putAll(added);
        return settings;
    }

    private Path logDirectory() {
        Path base = jar != null ? jar.toAbsolutePath().getParent() : Path.of("target");
        return base.resolve("bench-logs");
    }
}

package dev.chorus.benchmark;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A server under test as a child JVM on 127.0.0.1 and a free port: started, its port read from its log line
 * {@code ... listening on ws://127.0.0.1:PORT/}, observed through /proc, stopped with SIGTERM (then killed).
 * Its output goes to a log file, read by one thread that also notes when watched lines appear.
 */
final class ServerProcess implements Server {

    private static final Pattern LISTENING = Pattern.compile("listening on (ws://\\S+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(30);
    /** How long one jcmd on the server (a full collection, at most) may take. */
    private static final Duration JCMD_LIMIT = Duration.ofSeconds(60);
    /** The heap's first line in {@code GC.heap_info}, whatever the collector: {@code ... total NK, used NK ...}. */
    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");
    /** The Node contender's script, relative to the project (where Maven runs the benchmark). */
    static final Path WS_SCRIPT = Path.of("src", "test", "node", "ws-chat.js");

    private static final Duration STOP_LIMIT = Duration.ofSeconds(10);
    private static final int TAIL_LINES = 20;

    private final Process process;
    private final Path log;
    private final CompletableFuture<URI> listening = new CompletableFuture<>();
    private final List<Pattern> watched = new CopyOnWriteArrayList<>();
    private final Map<Pattern, LogLine> seen = new ConcurrentHashMap<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private final Thread reader;
    /** A JVM (jcmd works on it), or else the Node contender (it answers SIGUSR2 with its heap). */
    private final boolean jvm;
    /** SIGUSR2s sent to the Node contender: its answer names the request, so each is told apart. */
    private final AtomicInteger heapRequests = new AtomicInteger();

    private ServerProcess(Process process, Path log, boolean jvm) {
        this.process = process;
        this.log = log;
        this.jvm = jvm;
        this.reader = new Thread(this::readOutput, "server-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * {@code java [OPTIONS] -Dchorus.NAME=VALUE... -jar chorus.jar --host 127.0.0.1 --port 0}: Chorus as users run
     * it, with any settings given as system properties (a jar that does not know a setting ignores its property).
     */
    static List<String> chorus(Path jar, List<String> jvmOptions, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(properties(settings));
        command.addAll(List.of("-jar", jar.toString(), "--host", "127.0.0.1", "--port", "0"));
        return command;
    }

    /**
     * The naive baseline on this JVM's class path (the test class path, which holds it), with the same JVM options
     * and settings:
     * it runs on the launcher's listener, whose connection limits apply to it as well.
     */
    static List<String> naive(List<String> jvmOptions, Map<String, String> settings) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(properties(settings));
        command.addAll(List.of("-classpath", System.getProperty("java.class.path"), NaiveServer.class.getName()));
        return command;
    }

    /**
     * {@code node --expose-gc src/test/node/ws-chat.js}: the tutorial on Node's {@code ws} package (installed by
     * {@code npm ci --prefix src/test/node}); it takes no settings and no JVM options.
     */
    static List<String> node() {
        if (!Files.isRegularFile(WS_SCRIPT.resolveSibling(Path.of("node_modules", "ws", "package.json")))) {
            throw new IllegalStateException("the ws contender needs `npm ci --prefix src/test/node` first");
        }
        return List.of("node", "--expose-gc", WS_SCRIPT.toString());
    }

    private static List<String> properties(Map<String, String> settings) {
        return settings.entrySet().stream()
                .map(setting -> "-Dchorus." + setting.getKey() + "=" + setting.getValue())
                .toList();
    }

    /** {@code command} as the report shows it: {@code java} for the JDK's path, no class path spelled out. */
    static String shown(List<String> command) {
        return String.join(" ", command)
                .replace(java(), "java")
                .replace(System.getProperty("java.class.path"), "<test class path>");
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Starts {@code command}, its output going to {@code log}, and waits until it says where it listens. */
    static ServerProcess start(List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        ServerProcess server = new ServerProcess(process, log, command.get(0).equals(java()));
        server.awaitListening();
        return server;
    }

    private void awaitListening() throws IOException {
        URI uri;
        try {
            uri = listening.get(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IOException("interrupted while the server started");
        } catch (ExecutionException | TimeoutException e) {
            close();
            throw new IOException("the server did not report its port within " + START_LIMIT.toSeconds()
                    + " s; its last output: " + tail());
        }
        if (!"127.0.0.1".equals(uri.getHost())) {
            close();
            throw new IOException("the server listens on " + uri + ", not on 127.0.0.1");
        }
    }

    private void readOutput() {
        try (BufferedReader in =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                BufferedWriter out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.newLine();
                noted(line);
            }
        } catch (IOException e) {
            // The process ended or the log cannot be written: nothing more to note.
        } finally {
            listening.completeExceptionally(new IOException("the server's output ended"));
        }
    }

    private void noted(String line) {
        synchronized (tail) {
            tail.addLast(line);
            if (tail.size() > TAIL_LINES) {
                tail.removeFirst();
            }
        }
        if (!listening.isDone()) {
            Matcher matcher = LISTENING.matcher(line);
            if (matcher.find()) {
                listening.complete(URI.create(matcher.group(1)));
            }
        }
        for (Pattern pattern : watched) {
            if (!seen.containsKey(pattern) && pattern.matcher(line).find()) {
                seen.putIfAbsent(pattern, new LogLine(System.nanoTime(), line));
            }
        }
    }

    private String tail() {
        synchronized (tail) {
            return String.join(" | ", tail);
        }
    }

    @Override
    public URI uri() {
        return listening.join();
    }

    @Override
    public OptionalLong rssKib() {
        return ProcStatus.field(status(), "VmRSS");
    }

    @Override
    public OptionalLong threads() {
        return ProcStatus.field(status(), "Threads");
    }

    @Override
    public OptionalLong openFiles() {
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            return OptionalLong.of(fds.count());
        } catch (IOException | UncheckedIOException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public Map<String, Long> openFileKinds() {
        Map<String, Long> kinds = new TreeMap<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc", String.valueOf(process.pid()), "fd"))) {
            fds.forEach(fd -> {
                try {
                    kinds.merge(OpenFiles.kind(Files.readSymbolicLink(fd).toString()), 1L, Long::sum);
                } catch (IOException e) {
                    // Closed since it was listed: not open any more.
                }
            });
            return kinds;
        } catch (IOException | UncheckedIOException e) {
            return Map.of();
        }
    }

    /** The process's /proc/PID/status, or "" if it cannot be read (the process ended, or no /proc). */
    private String status() {
        try {
            return Files.readString(Path.of("/proc", String.valueOf(process.pid()), "status"));
        } catch (IOException | UncheckedIOException e) {
            return "";
        }
    }

    @Override
    public OptionalLong liveHeapKib() {
        if (!jvm) {
            return nodeHeapKib();
        }
        jcmd("GC.run");
        Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return used.find() ? OptionalLong.of(Long.parseLong(used.group(1))) : OptionalLong.empty();
    }

    @Override
    public Optional<Path> saveHeapHistogram(String tag) {
        if (!jvm) {
            return Optional.empty();
        }
        String name = log.getFileName().toString().replaceFirst("\\.log$", "");
        Path file = log.resolveSibling(name + "." + tag + ".histogram.txt");
        try {
            Files.writeString(file, jcmd("GC.class_histogram"), StandardCharsets.UTF_8);
            return Optional.of(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** Asks the Node contender for V8's heap after a full collection (SIGUSR2) and reads its answer. */
    private OptionalLong nodeHeapKib() {
        int request = heapRequests.incrementAndGet();
        Pattern answer = Pattern.compile("heap used " + request + " (\\d+)K");
        watchLog(answer);
        try {
            Process kill = new ProcessBuilder("kill", "-USR2", String.valueOf(process.pid())).start();
            kill.waitFor(JCMD_LIMIT.toSeconds(), TimeUnit.SECONDS);
            long deadline = System.nanoTime() + JCMD_LIMIT.toNanos();
            while (System.nanoTime() - deadline < 0) {
                Optional<LogLine> line = logSeen(answer);
                if (line.isPresent()) {
                    Matcher used = answer.matcher(line.get().text());
                    return used.find() ? OptionalLong.of(Long.parseLong(used.group(1))) : OptionalLong.empty();
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
            return OptionalLong.empty();
        } catch (IOException e) {
            return OptionalLong.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalLong.empty();
        }
    }

    /** Runs {@code jcmd PID COMMAND} on the server and returns what it printed. */
    private String jcmd(String command) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process run = new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), command)
                    .redirectErrorStream(true)
                    .start();
            CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!run.waitFor(JCMD_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                run.destroyForcibly();
                throw new IllegalStateException("jcmd " + command + " did not finish within " + JCMD_LIMIT);
            }
            return output.join();
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + jcmd, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while jcmd " + command + " ran", e);
        }
    }

    /** utime + stime: on Linux the JDK reads them from /proc/PID/stat and scales by the clock tick. */
    @Override
    public OptionalDouble cpuSeconds() {
        return process.toHandle()
                .info()
                .totalCpuDuration()
                .map(cpu -> OptionalDouble.of(cpu.toNanos() / 1e9))
                .orElse(OptionalDouble.empty());
    }

    @Override
    public void watchLog(Pattern pattern) {
        watched.add(pattern);
    }

    @Override
    public Optional<LogLine> logSeen(Pattern pattern) {
        return Optional.ofNullable(seen.get(pattern));
    }

    /** SIGTERM (the servers close their clients and exit), then a kill if that takes too long. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(STOP_LIMIT.toSeconds(), TimeUnit.SECONDS);
            }
            reader.join(TimeUnit.SECONDS.toMillis(2));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

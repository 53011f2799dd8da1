package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code java -jar target/chorus.jar ARGS} as a real child process, its stdout and stderr captured line by
 * line; its stdin is closed at once, or — {@link #startWithStdin} — left open for {@link #writeLine}. Closing it
 * kills the process if it is still running.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> stderrLines = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> stdoutLines = new LinkedBlockingQueue<>();
    private final List<String> stdout = new ArrayList<>();
    private final List<String> stderr = new ArrayList<>();
    private final Thread outReader;
    private final Thread errReader;

    private JarProcess(Process process) {
        this.process = process;
        this.outReader = pump(process.getInputStream(), stdout, stdoutLines);
        this.errReader = pump(process.getErrorStream(), stderr, stderrLines);
    }

    /** Starts {@code java [jvmArgs] -jar chorus.jar args} with {@code env} added to this environment. */
    public static JarProcess start(List<String> jvmArgs, Map<String, String> env, String... args) throws IOException {
        JarProcess started = startWithStdin(jvmArgs, env, args);
        started.closeStdin();
        return started;
    }

    public static JarProcess start(String... args) throws IOException {
        return start(List.of(), Map.of(), args);
    }

    /** Like {@link #start(List, Map, String...)}, but stdin stays open until {@link #closeStdin}. */
    public static JarProcess startWithStdin(List<String> jvmArgs, Map<String, String> env, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar().toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().putAll(env);
        return new JarProcess(builder.start());
    }

    public static JarProcess startWithStdin(String... args) throws IOException {
        return startWithStdin(List.of(), Map.of(), args);
    }

    /** Writes {@code line} and a line break to the process's stdin, at once. */
    public void writeLine(String line) throws IOException {
        OutputStream stdin = process.getOutputStream();
        stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        stdin.flush();
    }

    /** Ends the process's stdin, as Ctrl-D does in a terminal. */
    public void closeStdin() throws IOException {
        process.getOutputStream().close();
    }

    /** The jar the build made; failsafe passes its path. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("chorus.jar", "target/chorus.jar"));
        if (!Files.isRegularFile(jar)) {
            fail("no " + jar + ": run the tests through Maven (mvn verify) so the jar is built first");
        }
        return jar;
    }

    private static Thread pump(InputStream stream, List<String> sink, BlockingQueue<String> queue) {
        Thread thread = new Thread(
                () -> {
                    try (BufferedReader reader =
                            new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                            synchronized (sink) {
                                sink.add(line);
                            }
                            if (queue != null) {
                                queue.add(line);
                            }
                        }
                    } catch (IOException e) {
                        // The process ended: nothing more to read.
                    }
                },
                "jar-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Waits (bounded) for a stderr line matching {@code pattern} and returns its match. */
    public Matcher awaitLog(Pattern pattern) throws InterruptedException {
        return await(stderrLines, "log line", pattern);
    }

    /**
     * Waits (bounded) for the next stdout line matching {@code pattern}, skipping the lines before it, and
     * returns its match; each line is seen by one await only.
     */
    public Matcher awaitOutput(Pattern pattern) throws InterruptedException {
        return await(stdoutLines, "stdout line", pattern);
    }

    /** Like {@link #awaitOutput(Pattern)} for a line equal to {@code line}. */
    public void awaitOutput(String line) throws InterruptedException {
        awaitOutput(Pattern.compile("^" + Pattern.quote(line) + "$"));
    }

    private Matcher await(BlockingQueue<String> lines, String what, Pattern pattern) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                fail("no " + what + " matching " + pattern + " within 30 s; stderr: " + stderr() + "; stdout: "
                        + stdout());
            }
            Matcher matcher = pattern.matcher(line);
            if (matcher.find()) {
                return matcher;
            }
        }
    }

    /** Waits (bounded) for the process to end and returns its exit code. */
    public int awaitExit() throws InterruptedException {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            fail("the process did not exit within 30 s; stderr: " + stderr());
        }
        outReader.join(TimeUnit.SECONDS.toMillis(5));
        errReader.join(TimeUnit.SECONDS.toMillis(5));
        return process.exitValue();
    }

    /**
     * Sends SIGTERM, as a service manager or Ctrl-C would. Through the process handle: {@code Process.destroy()}
     * would also close our ends of its pipes, and what the server logs while it stops would be lost.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    public List<String> stdout() {
        synchronized (stdout) {
            return List.copyOf(stdout);
        }
    }

    public List<String> stderr() {
        synchronized (stderr) {
            return List.copyOf(stderr);
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}

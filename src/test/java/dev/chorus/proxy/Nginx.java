package dev.chorus.proxy;

import static org.junit.jupiter.api.Assertions.fail;

import dev.chorus.testing.Awaits;
import dev.chorus.testing.Peer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx serving {@link NginxSite} as a child process of the test: in the foreground
 * ({@code daemon off}), with its configuration, pid file, logs and temporary files in a directory of the test's,
 * listening on two free ports of 127.0.0.1 only. Closing it stops nginx (SIGTERM: a fast shutdown) and waits.
 */
final class Nginx implements AutoCloseable {

    static final Path BINARY = Path.of("/usr/sbin/nginx");
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final Process process;
    private final Path directory;
    private final int httpPort;
    private final int httpsPort;

    private Nginx(Process process, Path directory, int httpPort, int httpsPort) {
        this.process = process;
        this.directory = directory;
        this.httpPort = httpPort;
        this.httpsPort = httpsPort;
    }

    /** Starts nginx in {@code directory} (which must be empty) in front of a launcher on {@code upstreamPort}. */
    static Nginx start(Path directory, int upstreamPort, Path cert, Path key) throws IOException {
        int httpPort = freePort();
        int httpsPort = freePort();
        Files.createDirectories(directory.resolve(NginxSite.SNIPPET_INCLUDED_AS).getParent());
        Files.copy(NginxSite.SNIPPET, directory.resolve(NginxSite.SNIPPET_INCLUDED_AS));
        Files.writeString(
                directory.resolve("chorus.conf"), NginxSite.adapted(httpPort, httpsPort, upstreamPort, cert, key));
        Files.writeString(directory.resolve("nginx.conf"), mainConfiguration(directory));
        Path errors = directory.resolve("error.log");
        List<String> command = List.of(
                BINARY.toString(),
                "-c",
                directory.resolve("nginx.conf").toString(),
                "-p",
                directory + "/",
                "-e",
                errors.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("console.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, directory, httpPort, httpsPort);
        nginx.awaitListening();
        return nginx;
    }

    /**
     * What Debian's own {@code /etc/nginx/nginx.conf} provides around a site, reduced to what a test needs, with
     * every path in the test's directory. Workers keep the test's user ({@code user} only matters for root).
     */
    private static String mainConfiguration(Path directory) {
        String user = System.getProperty("user.name");
        return """
                daemon off;
                worker_processes 1;
                %s
                pid %s;
                error_log %s info;
                events {
                    worker_connections 256;
                }
                http {
                    access_log %s;
                    client_body_temp_path %s;
                    proxy_temp_path %s;
                    fastcgi_temp_path %s;
                    uwsgi_temp_path %s;
                    scgi_temp_path %s;
                    include chorus.conf;
                }
                """
                .formatted(
                        "root".equals(user) ? "user root;" : "",
                        directory.resolve("nginx.pid"),
                        directory.resolve("error.log"),
                        directory.resolve("access.log"),
                        directory.resolve("client_body"),
                        directory.resolve("proxy"),
                        directory.resolve("fastcgi"),
                        directory.resolve("uwsgi"),
                        directory.resolve("scgi"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        }
    }

    /** nginx binds its ports before it starts its workers; connections queue until a worker accepts them. */
    private void awaitListening() throws IOException {
        Awaits.until(
                () -> !process.isAlive() || (accepts(httpPort) && accepts(httpsPort)),
                () -> "nginx listening on 127.0.0.1:" + httpPort + " and :" + httpsPort + "; " + logs());
        if (!process.isAlive()) {
            fail("nginx exited with " + process.exitValue() + ": " + logs());
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), (int) Peer.WAIT.toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** What nginx said on its console and in its error log: for a failure's message. */
    String logs() {
        return "console: " + read("console.log") + "; error.log: " + read("error.log");
    }

    private String read(String name) {
        try {
            Path file = directory.resolve(name);
            return Files.exists(file) ? Files.readString(file) : "(none)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    URI ws() {
        return URI.create("ws://127.0.0.1:" + httpPort + "/");
    }

    URI wss() {
        return URI.create("wss://127.0.0.1:" + httpsPort + "/");
    }

    int httpsPort() {
        return httpsPort;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(Peer.WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                fail("nginx did not stop within " + Peer.WAIT.toSeconds() + " s of SIGTERM; " + logs());
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

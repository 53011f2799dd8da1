package dev.chorus.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What the kernel says about a server's TCP sockets, through {@code ss} (Linux): the evidence that a server has
 * really let go of a connection, which no WebSocket client can see for itself without reading.
 */
public final class ServerSockets {

    private ServerSockets() {}

    /**
     * The lines {@code ss} shows for the server's sockets on {@code serverPort} connected to {@code clientPort} that
     * the server has not closed ({@code ESTAB}, {@code CLOSE-WAIT}). A socket it has closed may linger in the
     * kernel for a while ({@code FIN-WAIT-1} with unsent data when its close was graceful, {@code FIN-WAIT-2},
     * {@code TIME-WAIT}), but it no longer belongs to the server, and the kernel ends it on its own.
     */
    public static List<String> toClient(int serverPort, int clientPort) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder(
                        "ss",
                        "-Htn",
                        "state",
                        "established",
                        "state",
                        "close-wait",
                        "( sport = :" + serverPort + " and dport = :" + clientPort + " )")
                .redirectErrorStream(true)
                .start();
        String out = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!ss.waitFor(Peer.WAIT.toSeconds(), TimeUnit.SECONDS) || ss.exitValue() != 0) {
            fail("ss failed: " + out);
        }
        List<String> lines = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return lines;
    }

    /**
     * Waits (bounded by {@link Peer#WAIT}) until the server on {@code serverPort} has let go of its socket to
     * {@code clientPort}: closed it (see {@link #toClient}).
     */
    public static void awaitLetGo(int serverPort, int clientPort) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        List<String> left = toClient(serverPort, clientPort);
        while (!left.isEmpty()) {
            if (System.nanoTime() > deadline) {
                fail("the server still holds its socket to port " + clientPort + " after " + Peer.WAIT.toSeconds()
                        + " s: " + left);
            }
            TimeUnit.MILLISECONDS.sleep(20); // polling the kernel's table: nothing to be woken by
            left = toClient(serverPort, clientPort);
        }
    }
}

package dev.chorus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A TCP proxy on a free loopback port in front of one server, for cutting one client off from it while
 * everyone else still reaches it: {@link #cut} drops every connection through it and refuses new ones (they are
 * accepted and closed at once), {@link #heal} lets new connections through again. It can also make the server
 * slow ({@link #delayReplies}: every chunk the server sends is held that long before it goes on, in order) or
 * silent ({@link #blackhole}: nothing more goes either way, and nothing is closed, as when packets are lost on the
 * way; new connections are accepted and then hear nothing), until {@link #restore}. Its threads are daemons and
 * end with {@link #close}.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile long replyDelayNanos;
    private volatile boolean blackholed;

    private TcpProxy(InetSocketAddress target) throws IOException {
        this.target = target;
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        daemon("tcp-proxy-accept", this::accept);
    }

    /** A proxy to {@code host:port}, accepting from now on. */
    public static TcpProxy to(String host, int port) throws IOException {
        return new TcpProxy(new InetSocketAddress(host, port));
    }

    /** Where clients connect to reach the target through it. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Drops every connection through it, and closes new ones as soon as they come, until {@link #heal}. */
    public void cut() {
        cut = true;
        open.forEach(this::closeQuietly);
    }

    /** New connections reach the target again. */
    public void heal() {
        cut = false;
    }

    /** From now on every chunk the target sends is held {@code delay} before it is passed on (order kept). */
    public void delayReplies(Duration delay) {
        replyDelayNanos = delay.toNanos();
    }

    /** From now on nothing is passed on either way (what comes is dropped), and no connection is closed. */
    public void blackhole() {
        blackholed = true;
    }

    /** Back to passing everything on at once (connections that lost bytes meanwhile are best dropped by their ends). */
    public void restore() {
        blackholed = false;
        replyDelayNanos = 0;
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cut();
    }

    private void accept() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (cut) {
                closeQuietly(client);
                continue;
            }
            try {
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                if (cut) { // cut while this one was being made: cut() may have missed it
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                daemon("tcp-proxy-up", () -> pump(client, server, false));
                daemon("tcp-proxy-down", () -> pump(server, client, true));
            } catch (IOException e) {
                closeQuietly(client); // the target is down: so is the way through
            }
        }
    }

    /**
     * Copies {@code from} to {@code to} until either ends; then both are closed. The target's replies go through
     * a delay line: a second thread writes each chunk once it is due, so a delay slows every reply but not the flow.
     */
    private void pump(Socket from, Socket to, boolean replies) {
        BlockingQueue<Chunk> line = new LinkedBlockingQueue<>();
        if (replies) {
            daemon("tcp-proxy-delay", () -> deliver(line, from, to));
        }
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream()) {
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (blackholed) {
                    continue; // lost on the way
                }
                if (replies) {
                    line.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + replyDelayNanos));
                } else {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            }
        } catch (IOException e) {
            // cut, or one side went away: either way this way through is over
        } finally {
            line.add(Chunk.END);
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Writes the delayed chunks to {@code to} as they fall due, until the way through ends. */
    private void deliver(BlockingQueue<Chunk> line, Socket from, Socket to) {
        try {
            OutputStream out = to.getOutputStream();
            for (Chunk chunk = line.take(); chunk != Chunk.END; chunk = line.take()) {
                long wait = chunk.dueNanos() - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // the fault itself: a slow network, not a wait for a result
                }
                if (!blackholed) {
                    out.write(chunk.bytes());
                    out.flush();
                }
            }
        } catch (IOException | InterruptedException e) {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Bytes from the target, due to be passed on at {@code dueNanos}. */
    private record Chunk(byte[] bytes, long dueNanos) {
        static final Chunk END = new Chunk(new byte[0], 0);
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
    }
}

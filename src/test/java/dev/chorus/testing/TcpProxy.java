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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy on a free loopback port in front of one server, for cutting one client off from it while
 * everyone else still reaches it: {@link #cut} drops every connection through it and refuses new ones (they are
 * accepted and closed at once), {@link #heal} lets new connections through again. Its threads are daemons and
 * end with {@link #close}.
 */
public final class TcpProxy implements AutoCloseable {

    private final InetSocketAddress target;
    private final ServerSocket listener;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

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
                daemon("tcp-proxy-up", () -> pump(client, server));
                daemon("tcp-proxy-down", () -> pump(server, client));
            } catch (IOException e) {
                closeQuietly(client); // the target is down: so is the way through
            }
        }
    }

    /** Copies {@code from} to {@code to} until either ends; then both are closed. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try (InputStream in = from.getInputStream();
                OutputStream out = to.getOutputStream()) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // cut, or one side went away: either way this way through is over
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
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

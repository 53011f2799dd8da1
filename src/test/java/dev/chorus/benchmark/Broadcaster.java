package dev.chorus.benchmark;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The churn soak's one long-lived client: it says a line of {@code size} bytes every {@code period}, which the
 * server sends to every client, so a stalled reader's buffers fill and the server evicts it. It reads everything
 * the server sends it (answering pings), so it is never a slow consumer itself.
 */
final class Broadcaster implements AutoCloseable {

    private static final int TIMEOUT_MILLIS = 10_000;
    private static final Duration CLOSE_LIMIT = Duration.ofSeconds(10);

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final byte[] line;
    private final ScheduledExecutorService sender;
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private final LongAdder sent = new LongAdder();

    private Broadcaster(Socket socket, DataInputStream in, int size) throws IOException {
        this.socket = socket;
        this.in = in;
        this.out = socket.getOutputStream();
        this.line = new byte[size];
        Arrays.fill(line, (byte) 'b');
        this.sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "churn-broadcaster");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Connects to {@code uri} and starts saying a line of {@code size} bytes every {@code period}. */
    static Broadcaster start(URI uri, int size, Duration period) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        RawWire.handshake(uri, Dialect.PLAIN, in, socket.getOutputStream());
        socket.setSoTimeout(0);
        Broadcaster broadcaster = new Broadcaster(socket, in, size);
        Thread reader = new Thread(broadcaster::read, "churn-broadcaster-reader");
        reader.setDaemon(true);
        reader.start();
        broadcaster.sender.scheduleAtFixedRate(broadcaster::say, 0, period.toNanos(), TimeUnit.NANOSECONDS);
        return broadcaster;
    }

    private void say() {
        try {
            send(0x81, line);
            sent.increment();
        } catch (IOException e) {
            ended.complete("its connection failed while it spoke: " + e.getMessage());
            sender.shutdown();
        }
    }

    private void read() {
        try {
            for (ServerFrame frame = ServerFrame.read(in); frame != null; frame = ServerFrame.read(in)) {
                if (frame.isClose()) {
                    ended.complete(RawWire.closeReason(frame.payload(), frame.payload().length));
                    return;
                }
                if (frame.isPing()) {
                    send(0x8A, frame.payload());
                }
            }
            ended.complete("its connection ended without a close frame");
        } catch (IOException e) {
            ended.complete("its connection failed: " + e.getMessage());
        }
    }

    private void send(int firstByte, byte[] payload) throws IOException {
        byte[] frame = RawWire.masked(firstByte, payload, payload.length);
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    long sent() {
        return sent.sum();
    }

    /** Why the server ended its connection while it should have been open; empty while it is open. */
    String trouble() {
        return ended.getNow("");
    }

    /** Stops speaking, closes with 1000 and waits (bounded) for the server's close before closing the socket. */
    @Override
    public void close() throws IOException {
        sender.shutdownNow();
        try {
            if (!ended.isDone()) {
                byte[] normal = ByteBuffer.allocate(2).putShort((short) 1000).array();
                send(0x88, normal);
                ended.get(CLOSE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | TimeoutException | IOException e) {
            // Closing anyway: the socket goes below.
        } finally {
            socket.close();
        }
    }
}

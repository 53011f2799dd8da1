package dev.chorus.benchmark;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A client written on a bare socket that can stop reading: while paused its reader thread does not touch the
 * socket at all, and its receive buffer is tiny, so the server really faces a peer whose TCP window is shut
 * (a client library would keep reading into its own buffers). When reading again it skips what piled up
 * and notes how the connection ended: the server's close frame, or the connection simply ending.
 */
final class StalledSocket implements AutoCloseable {

    private static final int RECEIVE_BUFFER = 4096;
    private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;
    private static final String HELLO = "hello from the stalled client";
    /** Reading again, this long without a frame means the backlog is read and the server sends no more. */
    private static final Duration IDLE = Duration.ofMillis(500);

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final Object gate = new Object();
    private final CompletableFuture<Integer> id = new CompletableFuture<>();
    private final CompletableFuture<String> ended = new CompletableFuture<>();
    private boolean paused;
    private volatile boolean closing;
    private volatile long lastRead = System.nanoTime();

    private StalledSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), RECEIVE_BUFFER));
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code uri}, completes the handshake and starts reading. */
    static StalledSocket connect(URI uri) throws IOException {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(RECEIVE_BUFFER);
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), HANDSHAKE_TIMEOUT_MILLIS);
        socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
        StalledSocket stalled = new StalledSocket(socket);
        RawWire.handshake(uri, Dialect.PLAIN, stalled.in, stalled.out);
        socket.setSoTimeout(0);
        Thread reader = new Thread(stalled::read, "stalled-client");
        reader.setDaemon(true);
        reader.start();
        return stalled;
    }

    /** Says hello and returns this client's server id, learnt from the echo. */
    int learnId(Duration limit) throws IOException, InterruptedException {
        send(0x81, HELLO.getBytes(StandardCharsets.UTF_8));
        try {
            return id.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the stalled client's hello did not come back within " + limit.toSeconds() + " s");
        }
    }

    /** Stops reading: the reader finishes the frame it is in and then leaves the socket alone. */
    void pause() {
        synchronized (gate) {
            paused = true;
        }
    }

    void resume() {
        synchronized (gate) {
            lastRead = System.nanoTime();
            paused = false;
            gate.notifyAll();
        }
    }

    /**
     * How the server ended the connection (e.g. {@code 1008 slow consumer}) once this client reads again:
     * empty if the connection is still open when the backlog has been read (nothing came for a moment), or
     * after {@code limit}.
     */
    Optional<String> awaitEnd(Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!ended.isDone() && System.nanoTime() - deadline < 0) {
            if (System.nanoTime() - lastRead > IDLE.toNanos()) {
                return Optional.empty();
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return Optional.ofNullable(ended.getNow(null));
    }

    private void read() {
        try {
            while (awaitReading()) {
                int first = in.read();
                if (first < 0) {
                    ended.complete("connection ended without a close frame");
                    return;
                }
                frame(first & 0x0F, payloadLength(in.readUnsignedByte()));
                lastRead = System.nanoTime();
            }
        } catch (IOException e) {
            if (!closing) {
                ended.complete("connection failed: " + e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private boolean awaitReading() throws InterruptedException {
        synchronized (gate) {
            while (paused && !closing) {
                gate.wait();
            }
        }
        return !closing && !ended.isDone();
    }

    private long payloadLength(int second) throws IOException {
        int length = second & 0x7F;
        return length == 126 ? in.readUnsignedShort() : length == 127 ? in.readLong() : length;
    }

    private void frame(int opcode, long length) throws IOException {
        if (opcode == 0x8) {
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            ended.complete(RawWire.closeReason(payload, payload.length));
        } else if (opcode == 0x9) {
            // A ping: answer it like any live client (Chorus's heartbeat closes peers that do not).
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            send(0x8A, payload);
        } else if (opcode == 0x1 && length < 256 && !id.isDone()) {
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            int said = Payload.saidBy(Dialect.PLAIN, new String(payload, StandardCharsets.UTF_8), HELLO);
            if (said > 0) {
                id.complete(said);
            }
        } else {
            in.skipNBytes(length);
        }
    }

    private void send(int firstByte, byte[] payload) throws IOException {
        byte[] frame = RawWire.masked(firstByte, payload, payload.length);
        synchronized (out) {
            out.write(frame);
            out.flush();
        }
    }

    @Override
    public void close() throws IOException {
        closing = true;
        resume();
        socket.setSoLinger(true, 0);
        socket.close();
    }
}

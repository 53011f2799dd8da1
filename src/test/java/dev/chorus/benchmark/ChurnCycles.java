package dev.chorus.benchmark;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The client side of each kind of churn cycle, each on a bare blocking socket to the server on 127.0.0.1, every
 * blocking step bounded. A stalled reader's socket is kept open (and never read) until {@link #closeStalled}.
 */
final class ChurnCycles {

    /** A stalled reader's receive buffer: the kernel (which doubles it) takes little on the reader's behalf. */
    private static final int TINY_BUFFER = 4096;
    /** Every blocking step of a cycle (connect, each read) gives up after this long. */
    private static final Duration STEP_LIMIT = Duration.ofSeconds(10);
    /** Beyond the server's handshake timeout, how long a stalled handshake may wait for the server's drop. */
    private static final Duration DROP_SLACK = Duration.ofSeconds(5);

    private final URI uri;
    private final Duration handshakeTimeout;
    private final byte[] partialRequest;
    private final List<Socket> stalled = new ArrayList<>();

    /** Cycles against {@code uri}, whose server drops an incomplete handshake after {@code handshakeTimeout}. */
    ChurnCycles(URI uri, Duration handshakeTimeout) {
        this.uri = uri;
        this.handshakeTimeout = handshakeTimeout;
        this.partialRequest = ("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                        + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** Runs one cycle of {@code kind}, number {@code cycle}; throws if it did not go as it should. */
    void run(ChurnKind kind, int cycle) throws IOException {
        switch (kind) {
            case CLEAN -> clean(cycle % 2 == 0);
            case RESET -> reset();
            case HALF_OPEN_DROPPED -> halfOpenDropped();
            case HALF_OPEN_STALLED -> halfOpenStalled();
            case STALLED_READER -> stalledReader();
        }
    }

    private Socket connect(int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer); // before connecting, so the window is small from the start
        }
        socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) STEP_LIMIT.toMillis());
        socket.setSoTimeout((int) STEP_LIMIT.toMillis());
        return socket;
    }

    private static DataInputStream upgrade(Socket socket, URI uri) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(socket.getInputStream()));
        RawWire.handshake(uri, Dialect.PLAIN, in, socket.getOutputStream());
        return in;
    }

    private void clean(boolean speak) throws IOException {
        try (Socket socket = connect(0)) {
            DataInputStream in = upgrade(socket, uri);
            OutputStream out = socket.getOutputStream();
            if (speak) {
                byte[] line = "churn".getBytes(StandardCharsets.UTF_8);
                out.write(RawWire.masked(0x81, line, line.length));
            }
            byte[] normal = ByteBuffer.allocate(2).putShort((short) 1000).array();
            out.write(RawWire.masked(0x88, normal, normal.length));
            out.flush();
            String reason = awaitClose(in, out);
            if (!reason.startsWith("1000")) {
                throw new IOException("the server answered close 1000 with " + reason);
            }
            ServerFrame after = ServerFrame.read(in);
            if (after != null) {
                throw new IOException("a frame (opcode " + after.opcode() + ") after the server's close frame");
            }
        }
    }

    /** Reads past what the server broadcasts until its close frame; returns its reason. */
    private static String awaitClose(DataInputStream in, OutputStream out) throws IOException {
        for (ServerFrame frame = ServerFrame.read(in); frame != null; frame = ServerFrame.read(in)) {
            if (frame.isClose()) {
                return RawWire.closeReason(frame.payload(), frame.payload().length);
            }
        }
        throw new IOException("the connection ended without the server's close frame");
    }

    private void reset() throws IOException {
        try (Socket socket = connect(0)) {
            upgrade(socket, uri);
            socket.setSoLinger(true, 0);
        }
    }

    private void halfOpenDropped() throws IOException {
        try (Socket socket = connect(0)) {
            socket.getOutputStream().write(partialRequest);
        }
    }

    private void halfOpenStalled() throws IOException {
        try (Socket socket = connect(0)) {
            socket.getOutputStream().write(partialRequest);
            socket.setSoTimeout((int) handshakeTimeout.plus(DROP_SLACK).toMillis());
            try {
                if (socket.getInputStream().read() >= 0) {
                    throw new IOException("the server answered half a request");
                }
            } catch (SocketTimeoutException e) {
                throw new IOException(
                        "half a request not dropped within the handshake timeout + " + DROP_SLACK.toSeconds() + " s");
            } catch (SocketException e) {
                // A reset: dropped too.
            }
        }
    }

    private void stalledReader() throws IOException {
        Socket socket = connect(TINY_BUFFER);
        try {
            upgrade(socket, uri);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        synchronized (stalled) {
            stalled.add(socket);
        }
    }

    int stalledCount() {
        synchronized (stalled) {
            return stalled.size();
        }
    }

    /** Closes every stalled reader's socket, with a reset (it has unread data anyway); returns how many. */
    int closeStalled() {
        synchronized (stalled) {
            for (Socket socket : stalled) {
                try {
                    socket.setSoLinger(true, 0);
                    socket.close();
                } catch (IOException e) {
                    // Closing is all that is wanted; a socket that fails to close is gone already.
                }
            }
            int closed = stalled.size();
            stalled.clear();
            return closed;
        }
    }
}

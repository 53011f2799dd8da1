package dev.chorus.benchmark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;

/**
 * One reading-only connection on a bare non-blocking socket, read by {@link RawReaders}' selector thread: its
 * messages go to an {@link Arrivals} exactly as a {@link Receiver}'s do, pings are answered, and how the server
 * closed it goes to the {@link Tally} as a {@link Receiver} reports it.
 */
final class RawReader implements FrameParser.Handler {

    private static final int HANDSHAKE_TIMEOUT_MILLIS = 15_000;
    private static final int NORMAL_CLOSURE = 1000;

    private final SocketChannel channel;
    private final Arrivals arrivals;
    private final Tally tally;
    private final FrameParser parser = new FrameParser(this);
    private boolean ended;

    private RawReader(SocketChannel channel, Arrivals arrivals, Tally tally) {
        this.channel = channel;
        this.arrivals = arrivals;
        this.tally = tally;
    }

    /** Connects and completes the handshake (blocking), then leaves the socket non-blocking for a selector. */
    static RawReader connect(URI uri, Dialect dialect, Measurement measurement, Tally tally) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            Socket socket = channel.socket();
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), HANDSHAKE_TIMEOUT_MILLIS);
            socket.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
            RawWire.handshake(uri, dialect, socket.getInputStream(), socket.getOutputStream());
            channel.configureBlocking(false);
            return new RawReader(channel, new Arrivals(dialect, measurement, tally), tally);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    SocketChannel channel() {
        return channel;
    }

    /** Reads what the socket has into {@code buffer} (shared scratch) and parses it; false once it ended. */
    boolean readable(ByteBuffer buffer) {
        try {
            buffer.clear();
            if (channel.read(buffer) < 0) {
                end("error EOFException");
                return false;
            }
            buffer.flip();
            parser.feed(buffer);
        } catch (IOException e) {
            end("error " + e.getClass().getSimpleName());
        }
        return !ended;
    }

    @Override
    public void message(boolean text, char[] head, int length) {
        long now = System.nanoTime();
        if (text) {
            arrivals.arrived(head, length, now);
        } else {
            tally.other();
        }
    }

    @Override
    public void ping(byte[] payload, int length) {
        // Chorus's heartbeat closes peers that do not answer.
        send(0x8A, payload, length);
    }

    @Override
    public void close(String reason) {
        // Like the JDK client: record the server's code and reason, answer the close, drop the connection.
        byte[] code = {(byte) (NORMAL_CLOSURE >> 8), (byte) NORMAL_CLOSURE};
        send(0x88, code, code.length);
        end(reason);
    }

    private void send(int firstByte, byte[] payload, int length) {
        if (ended) {
            return;
        }
        // A reader sends nothing else, so its socket buffer has room for these few bytes; if not, say so.
        ByteBuffer frame = ByteBuffer.wrap(RawWire.masked(firstByte, payload, length));
        try {
            channel.write(frame);
            if (frame.hasRemaining()) {
                end("error a control frame could not be written at once");
            }
        } catch (IOException e) {
            end("error " + e.getClass().getSimpleName());
        }
    }

    private void end(String reason) {
        if (!ended) {
            ended = true;
            tally.closed(reason);
            abort();
        }
    }

    /** Drops the connection without a close handshake. */
    void abort() {
        try {
            channel.socket().setSoLinger(true, 0);
            channel.close();
        } catch (IOException e) {
            // Closing anyway; nothing left to report.
        }
    }
}

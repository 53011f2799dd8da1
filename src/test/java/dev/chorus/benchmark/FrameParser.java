package dev.chorus.benchmark;

import java.net.ProtocolException;
import java.nio.ByteBuffer;

/**
 * Reads a server's WebSocket frames from whatever bytes the socket gave, however they are split, keeping only
 * the first {@link Receiver#HEAD} bytes of each data message (as chars: the lines measured are ASCII) and
 * skipping the rest of its payload without copying it, so one thread can read hundreds of MB/s. Handles
 * fragmented messages and control frames between their fragments. One instance per connection.
 */
final class FrameParser {

    /** What the frames say; called on the thread that feeds the parser. */
    interface Handler {

        /** A complete message: text or binary, its first {@code length} bytes in {@code head}. */
        void message(boolean text, char[] head, int length);

        void ping(byte[] payload, int length);

        /** The server's close frame, e.g. {@code 1008 slow consumer}; nothing is read after it. */
        void close(String reason);
    }

    private static final int CONTINUATION = 0x0;
    private static final int TEXT = 0x1;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;
    private static final int MAX_CONTROL = 125;

    private final Handler handler;
    private final byte[] header = new byte[10];
    private final byte[] control = new byte[MAX_CONTROL];
    private final char[] head = new char[Receiver.HEAD];
    private int headerLength;
    private int headerNeeded = 2;
    /** Payload bytes of the current frame still to come, or -1 while reading a header. */
    private long remaining = -1;

    private int opcode;
    private boolean fin;
    private int controlLength;
    private boolean messageIsText;
    private int headLength;
    private boolean closed;

    FrameParser(Handler handler) {
        this.handler = handler;
    }

    /** Consumes all of {@code bytes} (or up to the close frame), calling the handler for what completes. */
    void feed(ByteBuffer bytes) throws ProtocolException {
        while (!closed && (bytes.hasRemaining() || remaining == 0)) {
            if (remaining < 0) {
                header(bytes);
            } else {
                payload(bytes);
            }
        }
    }

    private void header(ByteBuffer bytes) throws ProtocolException {
        while (headerLength < headerNeeded && bytes.hasRemaining()) {
            header[headerLength++] = bytes.get();
            if (headerLength == 2) {
                if ((header[1] & 0x80) != 0) {
                    throw new ProtocolException("a masked frame from the server");
                }
                int length = header[1] & 0x7F;
                headerNeeded = length == 126 ? 4 : length == 127 ? 10 : 2;
            }
        }
        if (headerLength == headerNeeded) {
            begin();
        }
    }

    private void begin() throws ProtocolException {
        int length = header[1] & 0x7F;
        ByteBuffer extended = ByteBuffer.wrap(header, 2, headerNeeded - 2);
        remaining = length == 126 ? extended.getShort() & 0xFFFF : length == 127 ? extended.getLong() : length;
        fin = (header[0] & 0x80) != 0;
        opcode = header[0] & 0x0F;
        headerLength = 0;
        headerNeeded = 2;
        if (remaining < 0 || opcode >= CLOSE && (remaining > MAX_CONTROL || !fin)) {
            throw new ProtocolException("a bad frame header: opcode " + opcode + ", length " + remaining);
        }
        if (opcode >= CLOSE) {
            controlLength = 0;
        } else if (opcode != CONTINUATION) {
            messageIsText = opcode == TEXT;
            headLength = 0;
        }
    }

    private void payload(ByteBuffer bytes) {
        int count = (int) Math.min(remaining, bytes.remaining());
        if (opcode >= CLOSE) {
            bytes.get(control, controlLength, count);
            controlLength += count;
        } else {
            int take = Math.min(count, head.length - headLength);
            for (int i = 0; i < take; i++) {
                head[headLength++] = (char) (bytes.get() & 0xFF);
            }
            bytes.position(bytes.position() + count - take);
        }
        remaining -= count;
        if (remaining == 0) {
            remaining = -1;
            end();
        }
    }

    private void end() {
        if (opcode == CLOSE) {
            closed = true;
            handler.close(RawWire.closeReason(control, controlLength));
        } else if (opcode == PING) {
            handler.ping(control, controlLength);
        } else if (opcode < CLOSE && fin) {
            handler.message(messageIsText, head, headLength);
        }
    }
}

package dev.chorus.testing;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A WebSocket client written against the bare socket, for what a client library will not do: drop the TCP
 * connection abruptly, send malformed frames, never read.
 */
public final class RawSocket implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    /** The server's 101 response: status line and headers. */
    private String head = "";

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * A client with a small receive buffer that has read its own greeting, so it has joined before anyone
     * else does (the server greets after the 101 is out); a test then stops reading to stall it.
     */
    public static RawSocket joinedSlowReader(URI uri) throws IOException {
        RawSocket raw = upgrade(uri, 4096);
        String greeting = raw.readFrame().text();
        org.junit.jupiter.api.Assertions.assertEquals(Peer.GREETING, greeting);
        return raw;
    }

    /** Opens a TCP connection to {@code uri}'s host and port and completes a WebSocket handshake. */
    public static RawSocket upgrade(URI uri) throws IOException {
        return upgrade(uri, 0);
    }

    /**
     * Like {@link #upgrade(URI)} with a receive buffer of {@code receiveBuffer} bytes (0: the system's): a
     * small one makes a client that stops reading stall the server's sends quickly.
     */
    public static RawSocket upgrade(URI uri, int receiveBuffer) throws IOException {
        return upgrade(uri, receiveBuffer, java.util.Map.of());
    }

    /**
     * Like {@link #upgrade(URI)}, with {@code headers} added to the request (a {@code Host} among them replaces
     * the one made from {@code uri}), as a reverse proxy or a browser would send them.
     */
    public static RawSocket upgrade(URI uri, java.util.Map<String, String> headers) throws IOException {
        return upgrade(uri, 0, headers);
    }

    /**
     * Like {@link #upgrade(URI, java.util.Map)} from the local address {@code from} (e.g. 127.0.0.2: Linux routes
     * all of 127/8 to the loopback interface), so that one machine can be several clients by address.
     */
    public static RawSocket upgradeFrom(java.net.InetAddress from, URI uri, java.util.Map<String, String> headers)
            throws IOException {
        return upgrade(uri, 0, headers, from);
    }

    private static RawSocket upgrade(URI uri, int receiveBuffer, java.util.Map<String, String> headers)
            throws IOException {
        return upgrade(uri, receiveBuffer, headers, null);
    }

    private static RawSocket upgrade(
            URI uri, int receiveBuffer, java.util.Map<String, String> headers, java.net.InetAddress from)
            throws IOException {
        Socket socket = new Socket();
        if ("wss".equals(uri.getScheme())) {
            javax.net.ssl.SSLContext tls = TestTrust.rawContext();
            socket =
                    (tls == null ? javax.net.ssl.SSLSocketFactory.getDefault() : tls.getSocketFactory()).createSocket();
        }
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        if (from != null) {
            socket.bind(new java.net.InetSocketAddress(from, 0));
        }
        socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()), (int) Peer.WAIT.toMillis());
        socket.setSoTimeout((int) Peer.WAIT.toMillis());
        RawSocket raw = new RawSocket(socket);
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        StringBuilder extra = new StringBuilder();
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("Host")) {
                extra.append(name).append(": ").append(value).append("\r\n");
            }
        });
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\n"
                + "Host: " + headers.getOrDefault("Host", uri.getHost() + ":" + uri.getPort()) + "\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + extra + "\r\n";
        raw.out.write(request.getBytes(StandardCharsets.US_ASCII));
        raw.out.flush();
        String head = raw.readHead();
        if (!head.startsWith("HTTP/1.1 101")) {
            raw.close();
            throw new Refused(head);
        }
        raw.head = head;
        return raw;
    }

    /** The server answered an upgrade with something other than {@code 101 Switching Protocols}. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;
        private final String head;

        Refused(String head) {
            super("expected 101 Switching Protocols, got: " + head);
            this.head = head;
        }

        /** The status line and headers the server answered with. */
        public String head() {
            return head;
        }
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        InputStream input = in;
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = input.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    /** Sends one masked text frame, as a client must. */
    public void sendText(String text) throws IOException {
        sendFrame(0x81, text.getBytes(StandardCharsets.UTF_8));
    }

    public void sendPing(byte[] payload) throws IOException {
        sendFrame(0x89, payload);
    }

    public void sendPong(byte[] payload) throws IOException {
        sendFrame(0x8A, payload);
    }

    /** Sends one masked frame: {@code firstByte} holds FIN, RSV and the opcode. */
    public void sendFrame(int firstByte, byte[] payload) throws IOException {
        sendFrame(firstByte, payload, true);
    }

    /** Sends one frame, masked as clients must, or unmasked to break the rule. */
    public void sendFrame(int firstByte, byte[] payload, boolean masked) throws IOException {
        out.write(frame(firstByte, payload, masked));
        out.flush();
    }

    /**
     * Sends every text as a masked frame of its own, all in one write: the server has them all before it can
     * act on the first, so closing the connection leaves nothing of ours unread (which would make its TCP stack
     * answer with a reset that can destroy the close frame on its way to us).
     */
    public void sendTextsAtOnce(java.util.List<String> texts) throws IOException {
        ByteArrayOutputStream frames = new ByteArrayOutputStream();
        for (String text : texts) {
            frames.write(frame(0x81, text.getBytes(StandardCharsets.UTF_8), true));
        }
        out.write(frames.toByteArray());
        out.flush();
    }

    private static byte[] frame(int firstByte, byte[] payload, boolean masked) {
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(firstByte);
        int maskBit = masked ? 0x80 : 0;
        writeLength(frame, maskBit, payload.length);
        byte[] mask = new byte[4];
        if (masked) {
            RANDOM.nextBytes(mask);
            frame.write(mask, 0, mask.length);
        }
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i % 4]);
        }
        return frame.toByteArray();
    }

    private static void writeLength(ByteArrayOutputStream frame, int maskBit, long length) {
        if (length < 126) {
            frame.write(maskBit | (int) length);
        } else if (length <= 0xFFFF) {
            frame.write(maskBit | 126);
            frame.write((int) (length >>> 8));
            frame.write((int) (length & 0xFF));
        } else {
            frame.write(maskBit | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((length >>> shift) & 0xFF));
            }
        }
    }

    /**
     * Starts sending one masked binary frame of {@code length} zero bytes on another thread and returns at once,
     * so the caller can read the server's answer while the frame is still on its way; write errors (the server
     * closed) end the sending quietly. The thread ends when the frame is out or the socket is closed.
     */
    public Thread streamBinaryFrame(long length) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(0x82);
        writeLength(head, 0x80, length);
        head.write(new byte[4], 0, 4); // a zero mask: the payload goes out as it is, zeros
        out.write(head.toByteArray());
        out.flush();
        Thread sender = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                for (long left = length; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, (int) Math.min(chunk.length, left));
                }
                out.flush();
            } catch (IOException e) {
                // the server closed the connection first, which is what the caller is waiting for
            }
        });
        sender.setDaemon(true);
        sender.start();
        return sender;
    }

    /** The client's own port: how the server's side of this connection is found ({@link ServerSockets}). */
    public int localPort() {
        return socket.getLocalPort();
    }

    /**
     * Reads and discards whatever is still on its way, to the end of the connection: true if it ends (end of
     * stream or reset), false if it is still open after {@link Peer#WAIT} without a byte arriving.
     */
    public boolean drainsToTheEnd() throws IOException {
        byte[] sink = new byte[64 * 1024];
        try {
            while (in.read(sink) >= 0) {
                // discarded: only the end matters
            }
            return true;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    /** Sends {@code bytes} as they are: for what no well-formed frame can say. */
    public void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** After a close frame, whether the server ends the TCP connection (reads reach end of stream). */
    public boolean endsAfterClose() throws IOException {
        try {
            return in.read() == -1;
        } catch (IOException e) {
            return true; // reset: ended too
        }
    }

    /** The server's 101 response to the upgrade: its status line and headers. */
    public String head() {
        return head;
    }

    /**
     * One frame from the server (servers never mask); {@code rsv1} marks a permessage-deflate message's
     * compressed first frame.
     */
    public record Frame(int opcode, boolean fin, byte[] payload, boolean rsv1) {
        public String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** Reads the next frame, waiting at most {@link Peer#WAIT}. */
    public Frame readFrame() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[Math.toIntExact(length)];
        in.readFully(payload);
        return new Frame(first & 0x0F, (first & 0x80) != 0, payload, (first & 0x40) != 0);
    }

    /** Reads past any data frames to the server's close frame and returns its code and reason. */
    public jakarta.websocket.CloseReason readUntilClose() throws IOException {
        while (true) {
            Frame frame = readFrame();
            if (frame.opcode() == 0x8) {
                ByteBuffer payload = ByteBuffer.wrap(frame.payload());
                int code = payload.remaining() >= 2 ? payload.getShort() & 0xFFFF : 1005;
                String reason = StandardCharsets.UTF_8.decode(payload).toString();
                return new jakarta.websocket.CloseReason(
                        jakarta.websocket.CloseReason.CloseCodes.getCloseCode(code), reason);
            }
        }
    }

    /** Resets the connection (RST, no close frame), as a crashed client or a pulled cable would. */
    public void dropAbruptly() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

package dev.chorus.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The few pieces of the WebSocket protocol that the benchmark's bare-socket clients ({@link StalledSocket},
 * {@link RawReader}) write themselves: the opening handshake, masked client frames, a close frame's reason.
 */
final class RawWire {

    private RawWire() {}

    /**
     * Sends the upgrade request (offering {@code dialect}'s subprotocol if it has one) and reads the response
     * byte by byte, so not one byte of the frames that follow it is taken from {@code in}; fails unless the
     * server switched protocols (and chose the subprotocol).
     */
    static void handshake(URI uri, Dialect dialect, InputStream in, OutputStream out) throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        String offer =
                dialect.subprotocol().isEmpty() ? "" : "Sec-WebSocket-Protocol: " + dialect.subprotocol() + "\r\n";
        String request = "GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: "
                + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n" + offer + "\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!endsWithBlankLine(head)) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the connection ended during the handshake: " + head);
            }
            head.write(next);
        }
        String response = head.toString(StandardCharsets.ISO_8859_1);
        if (!response.startsWith("HTTP/1.1 101")
                || (!offer.isEmpty() && !response.toLowerCase(Locale.ROOT).contains(offer.toLowerCase(Locale.ROOT)))) {
            throw new IOException("handshake refused: " + response.strip());
        }
    }

    private static boolean endsWithBlankLine(ByteArrayOutputStream head) {
        byte[] bytes = head.toByteArray();
        int n = bytes.length;
        return n >= 4 && bytes[n - 4] == '\r' && bytes[n - 3] == '\n' && bytes[n - 2] == '\r' && bytes[n - 1] == '\n';
    }

    /** One final frame as a client must send it, masked; {@code firstByte} is FIN and the opcode. */
    static byte[] masked(int firstByte, byte[] payload, int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("only frames up to 64 KiB: " + length + " bytes");
        }
        int header = length > 125 ? 4 : 2;
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        byte[] frame = new byte[header + 4 + length];
        frame[0] = (byte) firstByte;
        if (length > 125) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >>> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | length);
        }
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    /** A close frame's payload as the report shows it: {@code 1008 slow consumer}. */
    static String closeReason(byte[] payload, int length) {
        if (length < 2) {
            return "close frame without a code";
        }
        int code = ByteBuffer.wrap(payload).getShort() & 0xFFFF;
        return code + " " + new String(payload, 2, length - 2, StandardCharsets.UTF_8);
    }
}

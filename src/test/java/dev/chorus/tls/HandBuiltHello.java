package dev.chorus.tls;

import dev.chorus.testing.Peer;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.security.SecureRandom;

/**
 * A TLS ClientHello written byte by byte, for what the JDK's own client will not send (TLS 1.1 is disabled in
 * it), and what the server answers to it: its ServerHello, an alert, or nothing before it closes.
 */
final class HandBuiltHello {

    /** What a server answered a hello with. */
    enum Answer {
        SERVER_HELLO,
        ALERT,
        CLOSED
    }

    private static final int HANDSHAKE = 0x16;
    private static final int ALERT_RECORD = 0x15;
    private static final int SERVER_HELLO_TYPE = 2;

    /**
     * Cipher suites an EC-keyed server can pick under TLS 1.0 to 1.2: ECDHE-ECDSA with AES-GCM (1.2 only) and
     * AES-CBC-SHA (1.0 to 1.2), the RSA equivalents, and the renegotiation SCSV.
     */
    private static final int[] SUITES = {0xC02B, 0xC02F, 0xC009, 0xC013, 0x002F, 0x00FF};

    private HandBuiltHello() {}

    /** Sends a ClientHello for TLS 1.{@code minor - 1} (1.1 is minor 2, 1.2 is 3) and reads the first answer. */
    static Answer send(int port, int minor) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) Peer.WAIT.toMillis());
            socket.getOutputStream().write(record(minor));
            socket.getOutputStream().flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            int type = in.read();
            if (type < 0) {
                return Answer.CLOSED;
            }
            if (type == ALERT_RECORD) {
                return Answer.ALERT;
            }
            if (type == HANDSHAKE) {
                in.skipNBytes(4); // version and length of the record
                int handshakeType = in.readUnsignedByte();
                if (handshakeType == SERVER_HELLO_TYPE) {
                    return Answer.SERVER_HELLO;
                }
                throw new AssertionError("a handshake message of type " + handshakeType + " before any ServerHello");
            }
            throw new AssertionError("not a TLS answer: a record of type " + type);
        } catch (SocketException reset) {
            return Answer.CLOSED; // a reset: closed without a word
        }
    }

    private static byte[] record(int minor) {
        byte[] hello = clientHello(minor);
        ByteArrayOutputStream record = new ByteArrayOutputStream();
        record.write(HANDSHAKE);
        record.write(3);
        record.write(1); // the record layer's version, TLS 1.0 as clients send for compatibility
        u16(record, hello.length + 4);
        record.write(1); // ClientHello
        record.write(0);
        u16(record, hello.length);
        record.writeBytes(hello);
        return record.toByteArray();
    }

    private static byte[] clientHello(int minor) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(3);
        body.write(minor); // client_version: the highest this client speaks; no supported_versions extension
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        body.writeBytes(random);
        body.write(0); // no session id
        u16(body, SUITES.length * 2);
        for (int suite : SUITES) {
            u16(body, suite);
        }
        body.write(1);
        body.write(0); // compression: none
        ByteArrayOutputStream extensions = new ByteArrayOutputStream();
        extension(extensions, 0x000A, new byte[] {0, 2, 0, 0x17}); // supported_groups: secp256r1
        extension(extensions, 0x000B, new byte[] {1, 0}); // ec_point_formats: uncompressed
        // signature_algorithms (TLS 1.2): ecdsa_secp256r1_sha256, rsa_pss_rsae_sha256, rsa_pkcs1_sha256
        extension(extensions, 0x000D, new byte[] {0, 6, 4, 3, 8, 4, 4, 1});
        u16(body, extensions.size());
        body.writeBytes(extensions.toByteArray());
        return body.toByteArray();
    }

    private static void extension(ByteArrayOutputStream out, int type, byte[] data) {
        u16(out, type);
        u16(out, data.length);
        out.writeBytes(data);
    }

    private static void u16(ByteArrayOutputStream out, int value) {
        out.write(value >>> 8);
        out.write(value & 0xFF);
    }
}

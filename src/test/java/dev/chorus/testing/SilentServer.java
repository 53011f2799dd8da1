package dev.chorus.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WebSocket server on 127.0.0.1 that completes one handshake and then reads and ignores everything: it
 * never answers a ping, never sends a close. What a peer looks like when it hangs, or its network vanished
 * without a FIN; no library server can be made to behave this badly, hence the bare socket.
 */
public final class SilentServer implements AutoCloseable {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern KEY = Pattern.compile("^sec-websocket-key:\\s*(\\S+)", Pattern.MULTILINE);

    private final ServerSocket listening;
    private final Thread acceptor;
    private volatile Socket connected;

    private SilentServer(ServerSocket listening) {
        this.listening = listening;
        this.acceptor = new Thread(this::serve, "silent-server");
        acceptor.setDaemon(true);
    }

    public static SilentServer start() throws IOException {
        SilentServer server = new SilentServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
        server.acceptor.start();
        return server;
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + listening.getLocalPort() + "/");
    }

    private void serve() {
        while (!listening.isClosed()) {
            try (Socket socket = listening.accept()) {
                connected = socket;
                InputStream in = socket.getInputStream();
                upgrade(request(in), socket.getOutputStream());
                in.transferTo(OutputStream.nullOutputStream()); // until the client gives up and closes
            } catch (IOException e) {
                // The client went away, or the server was closed: take the next connection, if any.
            }
        }
    }

    private static String request(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("the client left during the handshake");
            }
            head.write(next);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void upgrade(String request, OutputStream out) throws IOException {
        Matcher key = KEY.matcher(request.toLowerCase(Locale.ROOT));
        if (!key.find()) {
            throw new IOException("no Sec-WebSocket-Key in " + request);
        }
        // The key is base64 and case matters: take it from the original text at the same place.
        String original = request.substring(key.start(1), key.end(1));
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + accept(original) + "\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    @Override
    public void close() throws IOException {
        listening.close();
        Socket socket = connected;
        if (socket != null) {
            socket.close();
        }
    }
}

package dev.chorus.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** Hand-written HTTP on a bare socket, for requests no client library would send. */
public final class RawHttp {

    private RawHttp() {}

    /**
     * Sends {@code bytes} to {@code uri}'s host and port and returns the response head, or "" if the server
     * closed the connection without answering. A server that neither answers nor closes within
     * {@link Peer#WAIT} fails the test: it must never hang.
     */
    public static String exchange(URI uri, byte[] bytes) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout((int) Peer.WAIT.toMillis());
            try {
                socket.getOutputStream().write(bytes);
                socket.getOutputStream().flush();
            } catch (IOException e) {
                return ""; // the server closed before we finished: that is an answer too
            }
            return head(socket.getInputStream());
        }
    }

    /** A GET of {@code uri}'s path with the given extra header lines (each ending in CRLF). */
    public static String upgrade(URI uri, String method, String headers) throws IOException {
        String request = method + " " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\n" + headers + "\r\n";
        return exchange(uri, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        try {
            int b;
            while ((b = in.read()) >= 0) {
                head.write(b);
                if (head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    break;
                }
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError(
                    "the server neither answered nor closed within " + Peer.WAIT.toSeconds() + " s", e);
        } catch (IOException e) {
            // reset by the server: it refused
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }
}

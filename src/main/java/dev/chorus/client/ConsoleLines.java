package dev.chorus.client;

import jakarta.websocket.CloseReason;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * How {@code chorus client} shows things, one line each: messages, closes, pongs and the handshake. Binary
 * shows its length and its first {@value #SHOWN_BYTES} bytes in hex.
 */
final class ConsoleLines {

    static final int SHOWN_BYTES = 32;
    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    private ConsoleLines() {}

    /** The tutorial's line for the one-shot mode: {@code Received 'Hey all…'}. */
    static String received(Object message) {
        return message instanceof ByteBuffer data ? "Received " + binary(data) : "Received '" + message + "'";
    }

    /** A message in interactive mode: {@code < text} or {@code < [binary, 5 bytes] 00 01 02 ff 80}. */
    static String incoming(Object message) {
        return "< " + (message instanceof ByteBuffer data ? binary(data) : message);
    }

    /** {@code [binary, 5 bytes] 00 01 02 ff 80}, cut after {@value #SHOWN_BYTES} bytes with {@code …}. */
    static String binary(ByteBuffer data) {
        byte[] bytes = new byte[Math.min(data.remaining(), SHOWN_BYTES)];
        data.duplicate().get(bytes);
        String length = "[binary, " + data.remaining() + (data.remaining() == 1 ? " byte]" : " bytes]");
        String more = data.remaining() > SHOWN_BYTES ? " …" : "";
        return bytes.length == 0 ? length : length + " " + HEX.formatHex(bytes) + more;
    }

    /** {@code * closed: 1000 bye}. */
    static String closed(CloseReason reason) {
        return "* closed: " + codeAndReason(reason);
    }

    /** {@code 1000 bye}, or just {@code 1000} when the reason is empty. */
    static String codeAndReason(CloseReason reason) {
        String phrase = reason.getReasonPhrase();
        return reason.getCloseCode().getCode() + (phrase == null || phrase.isEmpty() ? "" : " " + phrase);
    }

    /** Whether two closes have the same code and reason (CloseReason has no equals of its own). */
    static boolean sameReason(CloseReason one, CloseReason other) {
        return codeAndReason(one).equals(codeAndReason(other));
    }

    static String pong(ByteBuffer payload) {
        return "* pong (" + payload.remaining() + " bytes)";
    }

    /** The upgrade request as curl -v shows it: {@code > GET / HTTP/1.1}, then {@code > Name: value} lines. */
    static List<String> request(URI uri, Map<String, List<String>> headers) {
        String target = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (uri.getRawQuery() != null) {
            target += "?" + uri.getRawQuery();
        }
        return withHeaders("> GET " + target + " HTTP/1.1", "> ", headers);
    }

    /** The server's answer: {@code < HTTP/1.1 101 Switching Protocols}, then {@code < Name: value} lines. */
    static List<String> response(int status, String reasonPhrase, Map<String, List<String>> headers) {
        return withHeaders(("< HTTP/1.1 " + status + " " + reasonPhrase).strip(), "< ", headers);
    }

    private static List<String> withHeaders(String first, String prefix, Map<String, List<String>> headers) {
        List<String> lines = new ArrayList<>();
        lines.add(first);
        headers.forEach((name, values) -> values.forEach(value -> lines.add(prefix + name + ": " + value)));
        return lines;
    }
}

package dev.chorus.handshake;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * One spelling per remote IP address, so that a servlet request's address and a WebSocket session's compare
 * equal whichever server wrote them ({@code ::1}, {@code [::1]} and {@code 0:0:0:0:0:0:0:1} are one host).
 */
public final class RemoteHost {

    private RemoteHost() {}

    /** The canonical form of {@code address}, an IP literal; anything else is returned as it is. */
    public static String of(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!isIpLiteral(literal)) {
            return address;
        }
        try {
            return InetAddress.getByName(literal).getHostAddress(); // a literal: no name lookup
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** Four decimal octets, each 0 to 255. */
    private static final java.util.regex.Pattern IPV4 = java.util.regex.Pattern.compile(
            "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    /**
     * A dotted IPv4 address, or hex digits, colons and dots with at least one colon (IPv6): getByName parses
     * these itself, where anything else (a name, {@code host:port}, {@code 999.1.1.1}) could start a DNS lookup.
     * Addresses from forwarding headers are the client's to write, so this must never let a name through.
     */
    static boolean isIpLiteral(String text) {
        return IPV4.matcher(text).matches()
                || (text.length() <= 45 && text.indexOf(':') >= 0 && text.matches("[0-9a-fA-F:.]+"));
    }
}

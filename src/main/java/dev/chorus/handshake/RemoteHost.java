package dev.chorus.handshake;

import dev.chorus.settings.IpLiteral;
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

    /** Whether {@code text} is an IP address written out ({@link IpLiteral#matches}): never a name. */
    static boolean isIpLiteral(String text) {
        return IpLiteral.matches(text);
    }
}

package dev.chorus.settings;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What counts as an IP address written out ({@code 10.0.0.1}, {@code ::1}, {@code [::1]}): in a setting such as
 * {@code --trusted-proxies}, and in the forwarding headers the handshake reads. Never a name: a name would start a
 * DNS lookup, and addresses in forwarding headers are the client's to write.
 */
public final class IpLiteral {

    /** Four decimal octets, each 0 to 255. */
    private static final Pattern IPV4 =
            Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

    private IpLiteral() {}

    /**
     * A dotted IPv4 address, or hex digits, colons and dots with at least one colon (IPv6): getByName parses
     * these itself, where anything else (a name, {@code host:port}, {@code 999.1.1.1}) could start a DNS lookup.
     */
    public static boolean matches(String text) {
        return IPV4.matcher(text).matches()
                || (text.length() <= 45 && text.indexOf(':') >= 0 && text.matches("[0-9a-fA-F:.]+"));
    }

    /** The bytes of {@code address} (brackets around IPv6 allowed), never by a name lookup; empty for anything else. */
    public static Optional<byte[]> bytes(String address) {
        String literal =
                address.startsWith("[") && address.endsWith("]") ? address.substring(1, address.length() - 1) : address;
        if (!matches(literal)) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}

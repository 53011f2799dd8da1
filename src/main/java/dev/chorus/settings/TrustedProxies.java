package dev.chorus.settings;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The reverse proxies whose forwarding headers Chorus believes ({@code --trusted-proxies}): IP addresses and
 * CIDR blocks, IPv4 or IPv6. Empty by default: then no header can change who a client is.
 */
public final class TrustedProxies {

    /** Trusts nobody: forwarding headers are ignored. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Block> blocks;

    private TrustedProxies(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses a comma-separated list such as {@code 127.0.0.1, 10.0.0.0/8, ::1}.
     *
     * @throws IllegalArgumentException naming the first entry that is not an IP address or CIDR block
     */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list.split(",")) {
            String trimmed = entry.trim();
            if (!trimmed.isEmpty()) {
                blocks.add(Block.parse(trimmed)
                        .orElseThrow(() -> new IllegalArgumentException(trimmed + " is not an IP address or CIDR")));
            }
        }
        return new TrustedProxies(blocks);
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /** Whether {@code address} (an IP literal) is a trusted proxy. */
    public boolean trusts(String address) {
        if (blocks.isEmpty()) {
            return false;
        }
        Optional<byte[]> bytes = IpLiteral.bytes(address);
        return bytes.isPresent() && blocks.stream().anyMatch(block -> block.contains(bytes.get()));
    }

    /** One address block: the first {@code bits} bits of {@code network}. */
    private record Block(byte[] network, int bits) {

        static Optional<Block> parse(String text) {
            int slash = text.indexOf('/');
            Optional<byte[]> network = IpLiteral.bytes(slash < 0 ? text : text.substring(0, slash));
            if (network.isEmpty()) {
                return Optional.empty();
            }
            int max = network.get().length * 8;
            if (slash < 0) {
                return Optional.of(new Block(network.get(), max));
            }
            String bits = text.substring(slash + 1);
            if (!bits.matches("\\d{1,3}") || Integer.parseInt(bits) > max) {
                return Optional.empty();
            }
            return Optional.of(new Block(network.get(), Integer.parseInt(bits)));
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((address[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}

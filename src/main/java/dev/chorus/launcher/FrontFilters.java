package dev.chorus.launcher;

import dev.chorus.chat.ChatRoom;
import dev.chorus.handshake.ConnectionCaps;
import dev.chorus.handshake.Forwarding;
import dev.chorus.handshake.HandshakeRules;
import dev.chorus.handshake.UpgradeGate;
import dev.chorus.settings.Settings;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;

/**
 * What a chat listener puts in front of Tyrus, one filter per role, in this order: the deadlines (a connection
 * dropped at its handshake deadline is never admitted), the upgrade gate, the frame check (only admitted
 * connections reach it).
 */
record FrontFilters(DeadlineFilter deadlines, GrizzlyGate gate, FrameCheckFilter frames) {

    /** The launcher's gate: one per server, shared by its listeners (one tally under the caps). */
    static UpgradeGate gate(Settings settings, ChatRoom room) {
        return new UpgradeGate(
                room,
                HandshakeRules.from(settings.handshake()),
                ConnectionCaps.from(settings.handshake()),
                new Forwarding(settings.handshake().proxies()),
                settings.operations().retryAfterSeconds(),
                settings.handshake().tokenKey());
    }

    /** One listener's filters, around the server's {@code gate} and deadlines. */
    static FrontFilters of(
            Settings settings,
            UpgradeGate gate,
            ChatRoom room,
            ConnectionDeadlines handshakes,
            ConnectionDeadlines closes) {
        return new FrontFilters(
                new DeadlineFilter(handshakes, closes),
                new GrizzlyGate(gate),
                new FrameCheckFilter(
                        settings.inboundLimits().maxMessageBytes(), settings.compression(), room.metrics()));
    }

    /** Inserts the three at {@code index} of {@code chain}, in order. */
    void insertAt(FilterChainBuilder chain, int index) {
        chain.add(index, deadlines);
        chain.add(index + 1, gate);
        chain.add(index + 2, frames);
    }
}

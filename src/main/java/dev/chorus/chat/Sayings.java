package dev.chorus.chat;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.bus.Bus;
import dev.chorus.bus.BusEvent;
import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.limits.Inbound;
import dev.chorus.metrics.ChatMetrics;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;

/**
 * What a client sends, once its limiter has judged it: a whole text is said (the tutorial's line, or a chorus.v1
 * command), whole bytes are relayed, and a client over a limit is closed with the limit's reason.
 */
final class Sayings {

    /** The room's own logger: the tutorial's log lines keep the logger name they always had. */
    private static final System.Logger LOG = System.getLogger(ChatRoom.class.getName());

    private final Audience audience;
    private final V1Requests v1;
    private final Bus bus;
    private final ChatMetrics metrics;
    /** Whether said-lines in the log carry the text ({@code --log-messages}). */
    private final boolean logText;

    Sayings(Audience audience, V1Requests v1, Bus bus, ChatMetrics metrics, boolean logText) {
        this.audience = audience;
        this.v1 = v1;
        this.bus = bus;
        this.metrics = metrics;
        this.logText = logText;
    }

    /** {@code connection}'s limiter judged a fragment: {@code result} says what comes of it. */
    void received(Connection connection, Inbound.Result result) {
        Session session = connection.session();
        if (!audience.contains(session)) {
            // Dismissed (a limit, a slow consumer) or never let in (1013): frames the container had already
            // read must not reach anyone.
            return;
        }
        if (result instanceof Inbound.Complete complete) {
            if (complete.message() instanceof String text) {
                said(connection, text);
            } else {
                sent(connection, (ByteBuffer) complete.message());
            }
        } else if (result instanceof Inbound.Refused refused) {
            LOG.log(
                    Level.INFO,
                    "{0} crossed a limit: closing it with {1,number,#} {2}",
                    connection.name(),
                    refused.reason().getCloseCode().getCode(),
                    refused.reason().getReasonPhrase());
            metrics.limitCrossed(refused.reason());
            audience.dismiss(session, refused.reason());
        }
    }

    /** Client text goes to everyone, the sender included, as {@code Client(N) said: X} (chorus.v1: a command). */
    private void said(Connection connection, String text) {
        long id = connection.id();
        connection.received();
        metrics.receivedText(text);
        if (connection.speaksV1()) {
            v1.heard(connection.session(), id, text);
            return;
        }
        LOG.log(Level.INFO, () -> ChatLines.saidLog(id, text, logText));
        bus.publish(new BusEvent.Said(id, text));
    }

    /** Client bytes go to everyone, the sender included, unchanged and as binary. */
    private void sent(Connection connection, ByteBuffer data) {
        long id = connection.id();
        Outgoing.Binary message = (Outgoing.Binary) Outgoing.binary(data);
        connection.received();
        metrics.receivedBinary(message.size());
        LOG.log(Level.INFO, () -> ChatLines.sentBinaryLog(id, message.size()));
        bus.publish(new BusEvent.Sent(id, message.data()));
    }
}

package dev.chorus.chat;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.bus.Bus;
import dev.chorus.bus.BusEvent;
import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.connection.EarlyMessages;
import dev.chorus.limits.Inbound;
import dev.chorus.metrics.ChatMetrics;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;

/**
 * What becomes of a client's messages, as its inbound limits judged them: held while it waits to be let in, then
 * said (text), sent (binary) or, past a limit, the client dismissed; each logged, counted and handed to the bus.
 * Runs on the thread that read the message (or, for what was held, the arrivals thread): it never waits on the
 * bus, and if too much waits to go out the sender is closed with 1013.
 */
final class Incoming {

    /** The room's own logger: the tutorial's log lines keep the logger name they always had. */
    private static final System.Logger LOG = System.getLogger(ChatRoom.class.getName());

    private final Audience audience;
    private final V1Requests v1;
    private final Bus bus;
    private final ChatMetrics metrics;
    /** Whether log lines show what clients say, or only how many bytes. */
    private final boolean logText;

    Incoming(Audience audience, V1Requests v1, Bus bus, ChatMetrics metrics, boolean logText) {
        this.audience = audience;
        this.v1 = v1;
        this.bus = bus;
        this.metrics = metrics;
        this.logText = logText;
    }

    /** What {@code connection}'s limits made of its latest frame: handled now, or held until it is let in. */
    void received(Connection connection, Inbound.Result result) {
        if (result instanceof Inbound.Pending) {
            return;
        }
        EarlyMessages.Held held = connection.early().hold(result);
        if (held == EarlyMessages.Held.FULL) {
            LOG.log(Level.INFO, "Closed a new client with 1013: it sent too much before it was let in");
            audience.close(connection.session(), CloseReasons.TRY_AGAIN_LATER);
        } else if (held == EarlyMessages.Held.PASS) {
            handle(connection, result);
        }
        // Held: handed on once it is let in (or dropped, if it is turned away).
    }

    /** A message (or a refusal) from a client that was let in, or turned away: only a member's counts. */
    void handle(Connection connection, Inbound.Result result) {
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
        connection.received();
        metrics.receivedText(text);
        if (connection.speaksV1()) {
            v1.heard(connection, text);
            return;
        }
        LOG.log(Level.INFO, () -> ChatLines.saidLog(connection.name(), text, logText));
        publish(connection, new BusEvent.Said(connection.room(), connection.id(), connection.displayName(), text));
    }

    /** Client bytes go to everyone, the sender included, unchanged and as binary. */
    private void sent(Connection connection, ByteBuffer data) {
        Outgoing.Binary message = (Outgoing.Binary) Outgoing.binary(data);
        connection.received();
        metrics.receivedBinary(message.size());
        LOG.log(Level.INFO, () -> ChatLines.sentBinaryLog(connection.name(), message.size()));
        publish(connection, new BusEvent.Sent(connection.room(), connection.id(), message.data()));
    }

    /** Hands a client's message to the bus; if too much waits to go out already, the sender is closed (1013). */
    private void publish(Connection connection, BusEvent event) {
        if (!bus.publish(event)) {
            LOG.log(Level.INFO, "Closed {0} with 1013: too much waits to go out on the bus", connection.name());
            audience.dismiss(connection.session(), CloseReasons.BUS_BACKLOG);
        }
    }
}

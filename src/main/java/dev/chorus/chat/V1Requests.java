package dev.chorus.chat;

import dev.chorus.bus.Bus;
import dev.chorus.bus.BusEvent;
import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.protocol.CloseReasons;
import dev.chorus.v1.ChorusV1;
import dev.chorus.v1.Command;
import dev.chorus.v1.ProtocolViolation;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;

/**
 * What chorus.v1 clients ask for: the {@code ?since=} they connect with and the commands their text messages
 * carry. A client that breaks the protocol is closed with a fixed reason and one log line, never a stack.
 */
final class V1Requests {

    private static final System.Logger LOG = System.getLogger(V1Requests.class.getName());

    private final Timelines timelines;
    private final Audience audience;
    private final Bus bus;
    /** Whether said-lines in the log carry the text ({@code --log-messages}). */
    private final boolean logText;

    V1Requests(Timelines timelines, Audience audience, Bus bus, boolean logText) {
        this.timelines = timelines;
        this.audience = audience;
        this.bus = bus;
        this.logText = logText;
    }

    /**
     * {@code connection} was given its id under chorus.v1: it joins {@code timeline}, replaying from its {@code ?since=} if it gave one.
     *
     * @return whether it became a member
     */
    boolean join(Connection connection, Timeline timeline) {
        try {
            return timeline.join(connection, ChorusV1.since(connection.session()));
        } catch (ProtocolViolation violation) {
            refused(connection.name(), violation);
            // Not a member yet, so there is no outbox to release: just close it.
            audience.close(connection.session(), violation.closeReason());
            return false;
        }
    }

    /** {@code connection}'s text is a command: say, or history. */
    void heard(Connection connection, String text) {
        Session session = connection.session();
        Command command;
        try {
            command = Command.parse(text);
        } catch (ProtocolViolation violation) {
            refused(connection.name(), violation);
            audience.dismiss(session, violation.closeReason());
            return;
        }
        if (command instanceof Command.Say say) {
            LOG.log(Level.INFO, () -> ChatLines.saidLog(connection.name(), say.text(), logText));
            BusEvent said = new BusEvent.Said(connection.room(), connection.id(), connection.displayName(), say.text());
            if (!bus.publish(said)) {
                LOG.log(Level.INFO, "Closed {0} with 1013: too much waits to go out on the bus", connection.name());
                audience.dismiss(session, CloseReasons.BUS_BACKLOG);
            }
        } else {
            timelines.find(connection.room()).ifPresent(timeline -> timeline.showHistory(session));
        }
    }

    private static void refused(String label, ProtocolViolation violation) {
        LOG.log(
                Level.INFO,
                "{0} sent {1}: closing it with {2}",
                label,
                violation.getMessage(),
                // As text: the log's MessageFormat would print a number as 1,007.
                String.valueOf(violation.closeReason().getCloseCode().getCode()));
    }
}

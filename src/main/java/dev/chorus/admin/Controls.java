package dev.chorus.admin;

import dev.chorus.broadcast.Outbox;
import dev.chorus.broadcast.Outgoing;
import dev.chorus.chat.ChatLines;
import dev.chorus.chat.ChatRoom;
import dev.chorus.connection.Connection;
import dev.chorus.v1.Events;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What an operator can do to a running room, as a Java API; the admin endpoints are its HTTP face. Every
 * action is logged in one line; message texts are cut as the chat log cuts them.
 */
public final class Controls {

    private static final System.Logger LOG = System.getLogger(Controls.class.getName());

    private final ChatRoom room;
    private final ConnectionCutter cutter;

    /**
     * @param cutter drops connections abruptly, or {@link ConnectionCutter#UNAVAILABLE}
     */
    public Controls(ChatRoom room, ConnectionCutter cutter) {
        this.room = room;
        this.cutter = cutter;
    }

    /** Turns maintenance mode on (new clients get 503, existing ones stay) or off. */
    public void maintenance(boolean on) {
        if (room.admission().maintenance(on)) {
            LOG.log(
                    Level.INFO,
                    on ? "Maintenance mode on: new clients get 503" : "Maintenance mode off: new clients welcome");
        }
    }

    public boolean maintenance() {
        return room.admission().inMaintenance();
    }

    /**
     * Disconnects every client; returns how many sessions (or, for {@link Disconnect#ABRUPT}, connections).
     *
     * @throws UnsupportedOperationException for {@link Disconnect#ABRUPT} where the container cannot
     */
    public int disconnectAll(Disconnect mode) {
        int count;
        if (mode == Disconnect.ABRUPT) {
            count = cutter.cutAll();
        } else {
            AtomicInteger closed = new AtomicInteger();
            room.audience().forEach(session -> {
                closed.incrementAndGet();
                room.audience().dismiss(session, mode.reason());
            });
            count = closed.get();
        }
        LOG.log(Level.INFO, "An operator disconnected every client ({0}): {1}", mode.label(), count);
        return count;
    }

    /** Queues {@code text} for the client with {@code id} only; returns false if there is none. */
    public boolean send(long id, String text) {
        Optional<Connection> connection = connectionOf(id);
        if (connection.isEmpty()) {
            return false;
        }
        LOG.log(Level.INFO, () -> "An operator sent " + ChatLines.client(id) + ": " + ChatLines.cutForLog(text));
        // Under chorus.v1 every server message is a JSON event; a tutorial client gets the text as it is.
        String message = connection.get().speaksV1() ? Events.notice(text) : text;
        room.audience().deliverTo(connection.get().session(), Outgoing.text(message));
        return true;
    }

    /** Every connected client, in id order. */
    public List<ClientView> clients() {
        List<ClientView> clients = new ArrayList<>();
        room.audience().forEach(session -> Connection.of(session)
                .filter(Connection::hasId)
                .ifPresent(member -> {
                    Optional<Outbox> outbox = member.outbox();
                    clients.add(new ClientView(
                            member.id(),
                            member.remoteAddress(),
                            member.connectedSince(),
                            outbox.map(Outbox::pendingBytes).orElse(0L),
                            member.messagesIn(),
                            outbox.map(Outbox::delivered).orElse(0L)));
                }));
        clients.sort(Comparator.comparingLong(ClientView::id));
        return clients;
    }

    private Optional<Connection> connectionOf(long id) {
        Connection[] found = {null};
        room.audience().forEach(session -> Connection.of(session)
                .filter(member -> member.hasId() && member.id() == id)
                .ifPresent(member -> found[0] = member));
        return Optional.ofNullable(found[0]);
    }
}

package dev.chorus.chat;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.broadcast.Renditions;
import dev.chorus.bus.BusEvent;
import dev.chorus.connection.Audience;
import dev.chorus.connection.Connection;
import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
import dev.chorus.settings.OutboxLimits;
import dev.chorus.v1.ChorusV1;
import dev.chorus.v1.Events;
import jakarta.websocket.Session;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Collectors;

/**
 * One room's one order of events on this node, for tutorial and chorus.v1 clients alike: joins (with the welcome and any
 * replay), said-messages (numbered by seq and kept in the history), binary messages and leaves, as the bus
 * delivers them. A node alone numbers its said-messages itself; with Redis they come numbered for the whole
 * cluster (the history is still this node's own). Each runs in
 * its own {@link Turns turn}, so every member receives the same events in the same order; a newcomer's
 * welcome and replay are queued in the turn that makes it a member, so the first live message after them
 * is the next seq: no duplicate, no hole. Each event is built once and shared by every outbox.
 */
final class Timeline {

    private final Turns turns = new Turns();
    private final RoomName room;
    private final Audience audience;
    private final OutboxLimits limits;
    private final History history;

    /** Who is present, by id, in join order. Changed only in turns; read anywhere (the admin API). */
    private final ConcurrentSkipListMap<Long, Session> members = new ConcurrentSkipListMap<>();

    /** The newest said-message's seq, 0 before the first. Touched only in turns. */
    private long seq;

    /** When something last happened here (System.nanoTime): an empty room is forgotten some time after. */
    private volatile long lastActive = System.nanoTime();

    /**
     * @param audience who hears the events
     * @param room the room it orders
     * @param historySize how many said-messages are kept for history and recovery
     * @param limits every client's outbox limits: a replay takes at most half of them, and the history keeps no
     *     more bytes than one outbox could hold
     */
    Timeline(RoomName room, Audience audience, int historySize, OutboxLimits limits) {
        this.room = room;
        this.audience = audience;
        this.limits = limits;
        this.history = new History(historySize, limits.maxBytes());
    }

    /**
     * Client {@code id} connected to this node: it becomes a member; under chorus.v1 it receives its welcome and,
     * if it gave {@code since}, what it missed. A tutorial client's greeting waits for {@link #joined}: its join's
     * place in the bus's order, so it hears of exactly the joins after its own, and nothing said before them.
     *
     * @return whether it became a member (not if it dropped while waiting for its turn)
     */
    boolean join(Connection connection, OptionalLong since) {
        Session session = connection.session();
        long id = connection.id();
        boolean[] admitted = {false};
        turns.take(() -> {
            if (!session.isOpen()) {
                // It dropped while waiting for this turn, and its leave may have run already: admitting it now
                // would keep a dead session forever. (Tyrus marks a session closed before calling onClose,
                // and may call it while onOpen waits; Undertow calls onClose only after onOpen returned.)
                return;
            }
            admitted[0] = true;
            members.put(id, session);
            touch();
            audience.join(connection, limits);
            if (!connection.speaksV1()) {
                return;
            }
            String welcome = Events.welcome(id, connection.displayName(), room.toString(), names(), seq);
            audience.deliverTo(session, Outgoing.text(welcome));
            since.ifPresent(after -> replay(session, after));
        });
        // join is never called inside a step, so the turn has run by now.
        return admitted[0];
    }

    /**
     * Client {@code id} joined, here or on another node: everyone who joined before it hears of it (the
     * newcomer itself, if it is here, gets its tutorial greeting now; a chorus.v1 newcomer had its welcome).
     */
    void joined(long id, String name) {
        Outgoing greeting = Outgoing.text(ChatLines.GREETING);
        turns.take(() -> {
            Renditions notice = new Renditions(greeting, ChorusV1.NAME, () -> Events.joined(id, name));
            Session newcomer = members.get(id);
            audience.broadcast(notice, members.values(), session -> session != newcomer && heardOfJoins(session));
            if (newcomer != null) {
                Connection joined = Connection.of(newcomer).orElseThrow();
                if (!joined.speaksV1()) {
                    // The tutorial greets everyone, the newcomer included, in one broadcast: here, in its place.
                    audience.deliverTo(newcomer, greeting);
                }
                joined.heardOwnJoin();
            }
        });
    }

    /**
     * Whether {@code session} hears chat events: a chorus.v1 client from its welcome on, a tutorial client from
     * its greeting on.
     */
    private boolean hearsChat(Session session) {
        return Connection.hearsChat(session);
    }

    /**
     * Whether {@code session}'s own join has come back from the bus, so it hears of the joins after it. A newcomer
     * is a member (and greeted) before its join travels the bus, and a join delivered in between happened before
     * it, as the bus orders joins: it must not hear of that one.
     */
    private boolean heardOfJoins(Session session) {
        return Connection.hasHeardOfJoins(session);
    }

    /**
     * Counts every member as announced: after an outage their joins may never come back (a Redis restarted
     * empty lost them), and they must not miss the joins that follow.
     */
    void announceAll() {
        turns.take(
                () -> members.values().forEach(session -> Connection.of(session).ifPresent(Connection::heardOwnJoin)));
    }

    /**
     * Said-messages so far were numbered up to {@code newest} (by other nodes, before this one started): the
     * welcome counts from there, and the next seq is above it.
     */
    void startAt(long newest) {
        turns.take(() -> seq = Math.max(seq, newest));
    }

    /**
     * Client {@code id} said {@code text}, to everyone. Numbered as {@code given} says ({@link BusEvent.Said}):
     * here, with the next seq; by the cluster; or not at all. A numbered one is kept in the history.
     */
    void say(long id, String name, String text, long given) {
        Outgoing line = Outgoing.text(ChatLines.said(id, text));
        turns.take(() -> {
            touch();
            long said = given == BusEvent.Said.NUMBER_HERE ? seq + 1 : given;
            if (said <= seq) {
                // Unnumbered (said on this node while it was cut off from the others), or a cluster seq this node
                // has already used (nodes on a Redis restarted empty race to raise its counter): no seq here.
                Renditions unnumbered = new Renditions(line, ChorusV1.NAME, () -> Events.said(id, name, text));
                audience.broadcast(unnumbered, members.values(), this::hearsChat);
                return;
            }
            seq = said;
            Renditions message = new Renditions(line, ChorusV1.NAME, () -> Events.said(said, id, name, text));
            history.add(said, message, line.size());
            audience.broadcast(message, members.values(), this::hearsChat);
        });
    }

    /** Binary goes to everyone as it is, in the same order as everything else (no seq, not kept). */
    void relay(Outgoing binary) {
        turns.take(() -> audience.broadcast(binary, members.values(), this::hearsChat));
    }

    /** A chorus.v1 client asked for the history: the newest kept said-messages, as much as half its outbox holds. */
    void showHistory(Session session) {
        turns.take(() -> {
            List<String> said = history.newest(limits.maxMessages() / 2, limits.maxBytes() / 2).stream()
                    .map(Outgoing.Text::text)
                    .toList();
            audience.deliverTo(session, Outgoing.text(Events.history(said)));
        });
    }

    /**
     * The session is gone: release it, then run {@code afterwards}. Never waits for a turn: see {@link Turns}.
     * The chorus.v1 clients hear of it through {@link #left}, once the bus carries the news.
     *
     * @param id the client's id, or {@code null} if it never got one
     */
    void leave(Session session, Long id, Runnable afterwards) {
        turns.defer(() -> {
            audience.leave(session);
            if (id != null) {
                members.remove(id, session);
                touch();
            }
            afterwards.run();
        });
    }

    /** Client {@code id} left, here or on another node: the chorus.v1 clients hear of it (tutorial clients don't). */
    void left(long id, String name) {
        turns.defer(() -> audience.broadcast(
                new Renditions(null, ChorusV1.NAME, () -> Events.left(id, name)), members.values(), session -> true));
    }

    /** The room it orders. */
    RoomName room() {
        return room;
    }

    /** Who is present now, by id in join order, with their display names. Safe from any thread. */
    Map<Long, String> names() {
        Map<Long, String> names = new LinkedHashMap<>();
        members.forEach((id, session) -> names.put(
                id, Connection.of(session).map(Connection::displayName).orElse("")));
        return names;
    }

    /** How many are present now. */
    int size() {
        return members.size();
    }

    /** Whether it has been empty and quiet for longer than {@code keepNanos}. */
    boolean idleFor(long keepNanos, long now) {
        return members.isEmpty() && now - lastActive > keepNanos;
    }

    /**
     * The name client {@code id} is shown by: the one it asked for, made unique among those present (compared
     * without case: {@code alice}, {@code alice#2}, {@code alice#3} …), or {@code Client(N)}. Asked by the arrivals
     * thread alone, the only one that adds members, so two newcomers never get the same name.
     */
    String uniqueName(Optional<String> requested, long id) {
        if (requested.isEmpty()) {
            return ClientName.of(id);
        }
        Set<String> taken = names().values().stream().map(Timeline::folded).collect(Collectors.toSet());
        String name = requested.get();
        for (int n = 2; taken.contains(folded(name)); n++) {
            name = requested.get() + "#" + n;
        }
        return name;
    }

    private static String folded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    private void touch() {
        lastActive = System.nanoTime();
    }

    /** Queues for a reconnecting client what it missed after {@code since}: a gap if some is lost, then the rest. */
    private void replay(Session session, long since) {
        // A since beyond the newest seq was seen before a restart (seqs start again at 1; with Redis, only if it
        // restarted empty along with every node): everything is news.
        long after = since > seq ? 0 : since;
        History.Replay replay = history.after(after, seq, limits.maxMessages() / 2, limits.maxBytes() / 2);
        if (replay.missed() > 0) {
            audience.deliverTo(session, Outgoing.text(Events.gap(replay.missed())));
        }
        replay.messages().forEach(message -> audience.deliverTo(session, message));
    }
}

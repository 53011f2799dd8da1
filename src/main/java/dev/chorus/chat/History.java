package dev.chorus.chat;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.broadcast.Renditions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * The last said-messages, kept for chorus.v1 clients that ask for them or reconnect with {@code ?since=}.
 * Bounded twice: by count ({@code --history}) and by the bytes of their tutorial lines, so a few huge
 * messages cannot pin a lot of memory. Each entry is the said-message's {@link Renditions}, shared with its
 * live broadcast, so its JSON is built once whether it goes out live, in a replay or in a history event.
 *
 * <p>Not thread-safe: the room's timeline uses it only in its turns.
 */
public final class History {

    private final int capacity;
    private final long maxBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long bytes;

    /**
     * @param capacity how many said-messages are kept (0: none)
     * @param maxBytes how many bytes of tutorial lines are kept at most
     */
    public History(int capacity, long maxBytes) {
        this.capacity = capacity;
        this.maxBytes = maxBytes;
    }

    /** What a reconnecting client receives: a gap of {@code missed} messages, then {@code messages}, in order. */
    public record Replay(long missed, List<Outgoing.Text> messages) {}

    private record Entry(long seq, Renditions said, int bytes) {}

    /** Keeps said-message {@code seq} ({@code bytes} long as a tutorial line), forgetting the oldest beyond the bounds. */
    public void add(long seq, Renditions said, int bytes) {
        entries.addLast(new Entry(seq, said, bytes));
        this.bytes += bytes;
        while (!entries.isEmpty() && (entries.size() > capacity || this.bytes > maxBytes)) {
            this.bytes -= entries.removeFirst().bytes();
        }
    }

    /**
     * What a client that has seen every said-message up to {@code since} is missing, when the newest is
     * {@code newest}: the newest kept ones after {@code since} that fit into {@code maxMessages} and
     * {@code maxBytes} of JSON (so the replay fits the client's outbox), and a count of the rest.
     */
    public Replay after(long since, long newest, int maxMessages, long maxBytes) {
        List<Outgoing.Text> replayed = newestAfter(since, maxMessages, maxBytes);
        return new Replay(newest - since - replayed.size(), replayed);
    }

    /** The newest kept said-messages, oldest first, as many as fit into {@code maxMessages} and {@code maxBytes}. */
    public List<Outgoing.Text> newest(int maxMessages, long maxBytes) {
        return newestAfter(0, maxMessages, maxBytes);
    }

    private List<Outgoing.Text> newestAfter(long since, int maxMessages, long maxBytes) {
        List<Outgoing.Text> newestFirst = new ArrayList<>();
        long size = 0;
        for (Iterator<Entry> it = entries.descendingIterator(); it.hasNext() && newestFirst.size() < maxMessages; ) {
            Entry entry = it.next();
            if (entry.seq() <= since) {
                break;
            }
            Outgoing.Text json = entry.said().rendered();
            if (size + json.size() > maxBytes) {
                break;
            }
            newestFirst.add(json);
            size += json.size();
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }
}

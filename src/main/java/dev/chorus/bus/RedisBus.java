package dev.chorus.bus;

import dev.chorus.naming.RoomName;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Several nodes as one chat through one Redis stream. Every event is appended by the {@link Publisher}'s thread
 * (trimmed to about {@link #STREAM_LENGTH} entries, and by age) and every node, this one included, hears it from
 * its {@link StreamReader}, so all nodes hear the same events in the same order. Ids come from one Redis counter,
 * and the said-messages' seqs from another, raised in the same script that appends the message ({@link Appends}),
 * so the stream's order is the seqs' order. Seqs count per room: each room has its own counter
 * (the tutorial room keeps the one it always had).
 *
 * <p>While Redis is unreachable an event is handed to this node's listener only; it is remembered by its number,
 * so that if Redis did take it after all (its answer was lost) the reader skips it: never twice. A said-message
 * delivered that way has no seq: the other nodes go on numbering theirs meanwhile.
 */
final class RedisBus implements Bus {

    /** About how many events the stream keeps: how far behind a node may fall (while cut off) and still catch up. */
    static final long STREAM_LENGTH = 10_000;

    static final String STREAM = "chorus:events";
    static final String IDS = "chorus:ids";
    static final String SEQ = "chorus:seq";

    /** How many rooms' highest seqs a node remembers (to raise their counters after Redis forgot them). */
    static final int SEQ_FLOORS = 1_024;

    /**
     * Raises counter {@code KEYS[1]} to {@code ARGV[1]}, the highest value this node has seen of it: a Redis
     * restarted without persistence starts again at 0, and ids or seqs given out before must never come again.
     * Run on every (re)connect, so the counters are raised before anyone joins or speaks anywhere, and before
     * every INCR.
     */
    static final String RAISE = "local floor = tonumber(ARGV[1])\n"
            + "local current = tonumber(redis.call('GET', KEYS[1]) or '0')\n"
            + "if current < floor then redis.call('SET', KEYS[1], ARGV[1]) end\n";

    /** {@code ARGV[2]} ids in one step: the last of them (64-bit: they run out only after Long.MAX_VALUE joins). */
    private static final String NEXT_IDS = RAISE + "return redis.call('INCRBY', KEYS[1], ARGV[2])";

    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());

    private final RedisAddress address;
    private final ThreadFactory threads;
    private final BusTelemetry telemetry;
    private final Reachability reachability;
    private final StreamReader reader;
    private final long node = ThreadLocalRandom.current().nextLong();
    private final HereOnly hereOnly = new HereOnly(STREAM_LENGTH);
    private final AtomicLong highestSeenId = new AtomicLong();
    private final SeqFloors highestSeenSeq = new SeqFloors(SEQ_FLOORS);
    /** The arrivals' connection, for ids. */
    private final PublishingConnection ids;
    /** The events' connection, used by the publisher's thread alone. */
    private final PublishingConnection events;

    private final Publisher publisher;
    /** This node's running number of its events, given in the order they are queued (under this). */
    private long published;

    private volatile BusListener listener = event -> {};
    private volatile boolean closed;

    RedisBus(URI uri, Duration maxAge, ThreadFactory threads, BusTelemetry telemetry) {
        this.address = new RedisAddress(uri);
        this.threads = threads;
        this.telemetry = telemetry;
        this.reachability = new Reachability(address, telemetry);
        this.ids = new PublishingConnection(address, reachability);
        this.events = new PublishingConnection(address, reachability);
        this.publisher =
                new Publisher(events, reachability, new Appends(highestSeenSeq::of, maxAge), new Publisher.Outcome() {
                    @Override
                    public void appended(Publisher.Pending pending, Object reply) {
                        telemetry.published();
                        if (reply instanceof Long seq && pending.envelope().event() instanceof BusEvent.Said said) {
                            highestSeenSeq.seen(said.room(), seq);
                        }
                    }

                    @Override
                    public void deliverHere(Publisher.Pending pending, boolean maybeTaken) {
                        RedisBus.this.deliverHere(pending.envelope(), maybeTaken);
                    }
                });
        this.reader = new StreamReader(
                address, STREAM, SEQ, reachability, telemetry, this::read, this::startsAt, this::raise);
    }

    @Override
    public void start(BusListener newListener) {
        listener = newListener;
        reachability.tell(newListener);
        // Connect now, so a node whose Redis is up is ready before it listens; the reader retries if not.
        reader.connect();
        threads.newThread(reader).start();
        publisher.start(threads);
    }

    @Override
    public long nextIds(int count) throws BusUnavailable {
        if (closed || !reachability.isUp()) {
            throw new BusUnavailable("Redis at " + address + " is unreachable", null);
        }
        try {
            long last = ids.run(jedis ->
                    (Long) jedis.eval(NEXT_IDS, 1, IDS, Long.toString(highestSeenId.get()), Integer.toString(count)));
            seen(last);
            return last - count + 1;
        } catch (JedisException e) {
            reachability.failed(e, "newcomers are closed with 1013");
            throw new BusUnavailable("Redis at " + address + " did not hand out an id", e);
        }
    }

    @Override
    public boolean publish(BusEvent event) {
        if (!closed) {
            synchronized (this) {
                // Numbered in queue order: the reader relies on this node's numbers rising along the stream.
                StreamEnvelope envelope = new StreamEnvelope(node, published + 1, event);
                if (publisher.offer(new Publisher.Pending(envelope, envelope.encode()))) {
                    published++;
                    return true;
                }
            }
            if (!closed) {
                telemetry.backlogFull();
                return false;
            }
        }
        // Stopped: what is left (the last leaves) stays on this node, which is going away anyway.
        listener.heard(unnumbered(event));
        return true;
    }

    @Override
    public boolean reachable() {
        return reachability.isUp();
    }

    @Override
    public void close() {
        closed = true;
        publisher.close(); // first: the leaves a stop queued go out
        reader.close();
        events.close();
        ids.close();
    }

    /** Redis did not take it, or may not have: this node's clients hear it (a said-message without a seq). */
    private void deliverHere(StreamEnvelope envelope, boolean maybeTaken) {
        if (maybeTaken && !hereOnly.add(envelope.number())) {
            return; // the reader read it back before the answer was given up on: its clients have it already
        }
        listener.heard(unnumbered(envelope.event()));
    }

    private static BusEvent unnumbered(BusEvent event) {
        return event instanceof BusEvent.Said said ? said.numbered(BusEvent.Said.UNNUMBERED) : event;
    }

    /** An entry read from the stream: counted, then handed on unless this node already handed it out. */
    private void read(StreamEntry entry) {
        telemetry.received();
        telemetry.lag(Math.max(0, System.currentTimeMillis() - entry.id().getTime()));
        StreamEnvelope envelope;
        try {
            envelope = StreamEnvelope.decode(entry.value());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Skipped stream entry {0}: {1}", entry.id(), e.getMessage());
            return;
        }
        seen(envelope.event().from());
        BusEvent event = envelope.event();
        if (event instanceof BusEvent.Said said) {
            // One without a seq was written by a node that does not number them (an older version): unnumbered.
            long seq = entry.seq().orElse(BusEvent.Said.UNNUMBERED);
            event = said.numbered(seq > 0 ? seq : BusEvent.Said.UNNUMBERED);
            highestSeenSeq.seen(said.room(), seq);
        }
        if (envelope.node() == node && hereOnly.readBack(envelope.number())) {
            return;
        }
        listener.heard(event);
    }

    /** The reader first read the stream, where said-messages were numbered up to {@code seq}. */
    private void startsAt(long seq) {
        highestSeenSeq.seen(RoomName.ROOT, seq);
        listener.startsAt(seq);
    }

    /** On every (re)connect: the counters go up to what this node has seen, whatever Redis forgot. */
    private void raise(Jedis jedis) {
        raise(jedis, IDS, highestSeenId.get());
        highestSeenSeq.forEach((room, seq) -> raise(jedis, seqKey(room), seq));
    }

    /** The counter of {@code room}'s seqs: the tutorial room's is the one it always had. */
    static String seqKey(RoomName room) {
        return room.isRoot() ? SEQ : SEQ + ":room:" + room;
    }

    private static void raise(Jedis jedis, String counter, long floor) {
        jedis.eval(RAISE, 1, counter, Long.toString(floor));
    }

    private void seen(long id) {
        highestSeenId.accumulateAndGet(id, Math::max);
    }
}

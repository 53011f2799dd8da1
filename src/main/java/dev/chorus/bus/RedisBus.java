package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Several nodes as one chat through one Redis stream. Every event is appended ({@code XADD}, trimmed to about
 * {@link #STREAM_LENGTH} entries) and every node, this one included, hears it from its {@link StreamReader}, so
 * all nodes hear the same events in the same order. Ids come from one Redis counter, and the said-messages' seqs
 * from another, raised in the same script that appends the message, so the stream's order is the seqs' order.
 *
 * <p>While Redis is unreachable an event is handed to this node's listener only; it is remembered by its
 * number, so that if Redis did take it after all (its answer was lost) the reader skips it: never twice. A
 * said-message delivered that way has no seq: the other nodes go on numbering theirs meanwhile.
 */
final class RedisBus implements Bus {

    /** About how many events the stream keeps: how far behind a node may fall (while cut off) and still catch up. */
    static final long STREAM_LENGTH = 10_000;

    static final String STREAM = "chorus:events";
    static final String IDS = "chorus:ids";
    static final String SEQ = "chorus:seq";

    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());
    private static final byte[] STREAM_KEY = STREAM.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ_KEY = SEQ.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STREAM_LENGTH_ARG = ascii(Long.toString(STREAM_LENGTH));
    /**
     * Raises counter {@code KEYS[1]} to {@code ARGV[1]}, the highest value this node has seen of it: a Redis
     * restarted without persistence starts again at 0, and ids or seqs given out before must never come again.
     * Run on every (re)connect, so the counters are raised before anyone joins or speaks anywhere, and before
     * every INCR.
     */
    private static final String RAISE = "local floor = tonumber(ARGV[1])\n"
            + "local current = tonumber(redis.call('GET', KEYS[1]) or '0')\n"
            + "if current < floor then redis.call('SET', KEYS[1], ARGV[1]) end\n";

    private static final String NEXT_ID = RAISE + "return redis.call('INCR', KEYS[1])";

    /**
     * Numbers a said-message and appends it in one step ({@code KEYS[1]} the seq counter, {@code KEYS[2]} the
     * stream; {@code ARGV[2]} the stream's length, {@code ARGV[3]} the envelope; fields {@code e} and {@code s}
     * as {@link StreamReader#ENVELOPE} and {@link StreamReader#SEQ}): nothing can come between the INCR and the
     * XADD, so every node reads the seqs in increasing order.
     */
    private static final byte[] SAY = ascii(RAISE
            + "local seq = redis.call('INCR', KEYS[1])\n"
            + "redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'e', ARGV[3], 's', seq)\n"
            + "return seq");

    private final RedisAddress address;
    private final ThreadFactory threads;
    private final BusTelemetry telemetry;
    private final Reachability reachability;
    private final StreamReader reader;
    private final long node = ThreadLocalRandom.current().nextLong();
    private final AtomicLong published = new AtomicLong();
    /** Numbers of this node's events that were handed out here alone because Redis did not answer. */
    private final Set<Long> deliveredHereOnly = ConcurrentHashMap.newKeySet();

    private final AtomicLong highestSeenId = new AtomicLong();
    private final AtomicLong highestSeenSeq = new AtomicLong();
    /** One command at a time: this node's events enter the stream in its order. */
    private final PublishingConnection publisher;

    private volatile BusListener listener = event -> {};
    private volatile boolean closed;

    RedisBus(URI uri, ThreadFactory threads, BusTelemetry telemetry) {
        this.address = new RedisAddress(uri);
        this.threads = threads;
        this.telemetry = telemetry;
        this.reachability = new Reachability(address, telemetry);
        this.publisher = new PublishingConnection(address, reachability);
        this.reader = new StreamReader(address, STREAM, SEQ, reachability, this::read, this::startsAt, this::raise);
    }

    @Override
    public void start(BusListener newListener) {
        listener = newListener;
        reachability.tell(newListener);
        // Connect now, so a node whose Redis is up is ready before it listens; the reader retries if not.
        reader.connect();
        threads.newThread(reader).start();
    }

    @Override
    public long nextId() throws BusUnavailable {
        if (closed || !reachability.isUp()) {
            throw new BusUnavailable("Redis at " + address + " is unreachable", null);
        }
        try {
            // INCR is 64-bit: ids run out only after Long.MAX_VALUE joins, when Redis itself refuses.
            long id = publisher.run(jedis -> (Long) jedis.eval(NEXT_ID, 1, IDS, Long.toString(highestSeenId.get())));
            seen(id);
            return id;
        } catch (JedisException e) {
            reachability.down(e);
            throw new BusUnavailable("Redis at " + address + " did not hand out an id", e);
        }
    }

    @Override
    public void publish(BusEvent event) {
        StreamEnvelope envelope = new StreamEnvelope(node, published.incrementAndGet(), event);
        if (!closed && reachability.isUp()) {
            try {
                if (event instanceof BusEvent.Said) {
                    publisher.run(jedis -> appendSaid(jedis, envelope));
                } else {
                    publisher.run(jedis -> append(jedis, envelope));
                }
                telemetry.published();
                return;
            } catch (JedisException e) {
                // Redis may have taken it and only its answer was lost: the reader must then skip it.
                deliveredHereOnly.add(envelope.number());
                reachability.down(e);
            }
        }
        // Cut off: this node's clients hear it, the others never do (and a said-message gets no seq).
        listener.heard(event instanceof BusEvent.Said said ? said.numbered(BusEvent.Said.UNNUMBERED) : event);
    }

    @Override
    public boolean reachable() {
        return reachability.isUp();
    }

    @Override
    public void close() {
        closed = true;
        reader.close();
        publisher.close();
    }

    /** Appends an event that carries no seq. */
    private static Object append(Jedis jedis, StreamEnvelope envelope) {
        Map<byte[], byte[]> fields = new HashMap<>();
        fields.put(StreamReader.ENVELOPE, envelope.encode());
        return jedis.xadd(
                STREAM_KEY, XAddParams.xAddParams().maxLen(STREAM_LENGTH).approximateTrimming(), fields);
    }

    /** Appends a said-message with the next seq, above every seq this node has seen. */
    private Object appendSaid(Jedis jedis, StreamEnvelope envelope) {
        Object seq = jedis.eval(
                SAY,
                2,
                SEQ_KEY,
                STREAM_KEY,
                ascii(Long.toString(highestSeenSeq.get())),
                STREAM_LENGTH_ARG,
                envelope.encode());
        if (seq instanceof Long handedOut) {
            seenSeq(handedOut);
        }
        return seq;
    }

    /** An entry read from the stream: counted, then handed on unless this node already handed it out. */
    private void read(StreamReader.Entry entry) {
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
            seenSeq(seq);
        }
        if (envelope.node() == node && deliveredHereOnly.remove(envelope.number())) {
            return;
        }
        listener.heard(event);
    }

    /** The reader first read the stream, where said-messages were numbered up to {@code seq}. */
    private void startsAt(long seq) {
        seenSeq(seq);
        listener.startsAt(seq);
    }

    /** On every (re)connect: the counters go up to what this node has seen, whatever Redis forgot. */
    private void raise(Jedis jedis) {
        raise(jedis, IDS, highestSeenId.get());
        raise(jedis, SEQ, highestSeenSeq.get());
    }

    private static void raise(Jedis jedis, String counter, long floor) {
        jedis.eval(RAISE, 1, counter, Long.toString(floor));
    }

    private void seenSeq(long seq) {
        highestSeenSeq.accumulateAndGet(seq, Math::max);
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private void seen(long id) {
        highestSeenId.accumulateAndGet(id, Math::max);
    }
}

package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntryBinary;

/**
 * The node's one reader of the stream: {@code XREAD BLOCK} in a loop, each entry handed on in stream order. It
 * resumes after the last entry it read, so a short disconnect loses nothing; the first time it connects it
 * starts after the newest entry, so a node that starts (or restarts) never replays old messages, and learns the
 * seq counter's value in the same step, so it knows the seq the entries after that one count from. When Redis
 * is unreachable it retries, waiting a little longer each time (at most {@link #LONGEST_PAUSE_MILLIS}).
 */
final class StreamReader implements Runnable {

    /** How long one XREAD waits for news before it asks again. */
    static final int BLOCK_MILLIS = 1_000;

    private static final System.Logger LOG = System.getLogger(StreamReader.class.getName());
    private static final String THREAD_NAME = "chorus-bus-reader";
    private static final int BATCH = 256;
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    /** The field that holds the envelope's bytes. */
    static final byte[] ENVELOPE = "e".getBytes(StandardCharsets.US_ASCII);

    /** The field that holds a said-message's seq, in decimal (said-messages only). */
    static final byte[] SEQ = "s".getBytes(StandardCharsets.US_ASCII);

    /**
     * The newest entry's id ({@code 0-0} for an empty or absent stream) and the seq counter's value (0 if absent),
     * read in one step: the said-messages after that entry are numbered above that value.
     */
    private static final byte[] START = ("local newest = redis.call('XREVRANGE', KEYS[1], '+', '-', 'COUNT', 1)\n"
                    + "local id = '0-0'\n"
                    + "if #newest > 0 then id = newest[1][1] end\n"
                    + "return {id, redis.call('GET', KEYS[2]) or '0'}")
            .getBytes(StandardCharsets.US_ASCII);

    private final RedisAddress address;
    private final byte[] streamKey;
    private final byte[] seqKey;
    private final Reachability reachability;
    private final Consumer<Entry> entries;
    private final LongConsumer startsAt;
    private final Consumer<Jedis> onConnect;
    private final CountDownLatch closing = new CountDownLatch(1);

    /** The last entry id read, or null before the first connection. Touched by one thread at a time. */
    private StreamEntryID lastId;

    private volatile Jedis connection;

    /**
     * One stream entry: its id ({@code millis-sequence}, by Redis's clock), the envelope's bytes and, for a
     * said-message, its seq (absent if whoever wrote the entry gave none).
     */
    record Entry(StreamEntryID id, byte[] value, OptionalLong seq) {}

    /**
     * @param seqCounter the key of the said-messages' seq counter
     * @param entries takes each entry, in stream order, on the reader's thread
     * @param startsAt takes the seq counter's value when the stream was first read, before the node counts as
     *     reachable and before any entry
     * @param onConnect runs on every new connection before the node counts as reachable
     */
    StreamReader(
            RedisAddress address,
            String stream,
            String seqCounter,
            Reachability reachability,
            Consumer<Entry> entries,
            LongConsumer startsAt,
            Consumer<Jedis> onConnect) {
        this.address = address;
        this.streamKey = stream.getBytes(StandardCharsets.UTF_8);
        this.seqKey = seqCounter.getBytes(StandardCharsets.UTF_8);
        this.reachability = reachability;
        this.entries = entries;
        this.startsAt = startsAt;
        this.onConnect = onConnect;
    }

    /** Connects (and finds where to start) now, on the caller's thread: whether that worked. */
    boolean connect() {
        try {
            Jedis jedis = address.connect();
            connection = jedis;
            if (lastId == null) {
                start(jedis);
            }
            onConnect.accept(jedis);
            reachability.up();
            return true;
        } catch (JedisException e) {
            disconnect();
            if (!isClosing()) {
                reachability.down(e);
            }
            return false;
        }
    }

    @Override
    public void run() {
        // A managed thread factory names its threads its own way; this one should be recognisable in a dump.
        Thread.currentThread().setName(THREAD_NAME);
        long pause = FIRST_PAUSE_MILLIS;
        while (!isClosing()) {
            if (connection == null && !connect()) {
                pauseFor(pause);
                pause = Math.min(pause * 2, LONGEST_PAUSE_MILLIS);
                continue;
            }
            pause = FIRST_PAUSE_MILLIS;
            try {
                readOnce();
            } catch (JedisException e) {
                disconnect();
                if (!isClosing()) {
                    reachability.down(e);
                }
            } catch (RuntimeException e) {
                LOG.log(Level.ERROR, "Reading the Redis stream failed", e);
                disconnect();
            }
        }
        disconnect();
    }

    /** Stops the loop; closing the socket ends an XREAD that is waiting. */
    void close() {
        closing.countDown();
        disconnect();
    }

    private void readOnce() {
        List<Map.Entry<byte[], List<StreamEntryBinary>>> reply = connection.xreadBinary(
                XReadParams.xReadParams().block(BLOCK_MILLIS).count(BATCH), Map.of(streamKey, lastId));
        reachability.up();
        if (reply == null) {
            return;
        }
        for (Map.Entry<byte[], List<StreamEntryBinary>> ofStream : reply) {
            for (StreamEntryBinary entry : ofStream.getValue()) {
                lastId = entry.getID();
                read(entry);
            }
        }
    }

    /** Hands on the entry's envelope with its seq, if it has one. */
    private void read(StreamEntryBinary entry) {
        entry(entry).ifPresent(entries);
    }

    /** The entry's envelope and seq (its fields are keyed by byte arrays); empty, and logged, if it holds no event. */
    static Optional<Entry> entry(StreamEntryBinary entry) {
        byte[] envelope = null;
        OptionalLong seq = OptionalLong.empty();
        for (Map.Entry<byte[], byte[]> field : entry.getFields().entrySet()) {
            if (Arrays.equals(field.getKey(), ENVELOPE)) {
                envelope = field.getValue();
            } else if (Arrays.equals(field.getKey(), SEQ)) {
                seq = seq(entry.getID(), field.getValue());
            }
        }
        if (envelope == null) {
            LOG.log(Level.WARNING, "Skipped stream entry {0}: it holds no event", entry.getID());
            return Optional.empty();
        }
        return Optional.of(new Entry(entry.getID(), envelope, seq));
    }

    private static OptionalLong seq(StreamEntryID id, byte[] value) {
        try {
            return OptionalLong.of(Long.parseLong(new String(value, StandardCharsets.US_ASCII)));
        } catch (NumberFormatException e) {
            LOG.log(Level.WARNING, "Stream entry {0} has no valid seq: {1}", id, e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** Starts after the newest entry, telling {@link #startsAt} the seq counter's value at that point. */
    private void start(Jedis jedis) {
        if (!(jedis.eval(START, 2, streamKey, seqKey) instanceof List<?> reply)
                || reply.size() != 2
                || !(reply.get(0) instanceof byte[] id)
                || !(reply.get(1) instanceof byte[] seq)) {
            throw new JedisDataException("unexpected answer to the start script");
        }
        long counted;
        try {
            counted = Long.parseLong(new String(seq, StandardCharsets.US_ASCII));
        } catch (NumberFormatException e) {
            throw new JedisDataException("the seq counter holds no number: " + e.getMessage(), e);
        }
        lastId = new StreamEntryID(new String(id, StandardCharsets.US_ASCII));
        startsAt.accept(counted);
    }

    private void disconnect() {
        Jedis jedis = connection;
        connection = null;
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, () -> "Closing a Redis connection failed: " + e);
            }
        }
    }

    private boolean isClosing() {
        return closing.getCount() == 0;
    }

    /** Waits before the next try, but no longer than until {@link #close}. */
    private void pauseFor(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing.countDown();
        }
    }
}

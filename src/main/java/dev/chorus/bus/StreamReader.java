package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
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
 * is unreachable, or anything else goes wrong, it retries after a random pause that grows with each failure.
 */
final class StreamReader implements Runnable {

    /** How long one XREAD waits for news before it asks again. */
    static final int BLOCK_MILLIS = 1_000;

    private static final System.Logger LOG = System.getLogger(StreamReader.class.getName());
    private static final String THREAD_NAME = "chorus-bus-reader";
    private static final int BATCH = 256;
    /** Waits between tries: up to 50 ms after the first failure, doubling up to 1 s. */
    private static final Pauses PAUSES = new Pauses(50, 1_000);

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
    private final BusTelemetry telemetry;
    private final ThrottledLog bugs = new ThrottledLog(LOG, Level.ERROR);
    private final Consumer<StreamEntry> entries;
    private final LongConsumer startsAt;
    private final Consumer<Jedis> onConnect;
    private final CountDownLatch closing = new CountDownLatch(1);

    /** The last entry id read, or null before the first connection. Touched by one thread at a time. */
    private StreamEntryID lastId;

    private volatile Jedis connection;

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
            BusTelemetry telemetry,
            Consumer<StreamEntry> entries,
            LongConsumer startsAt,
            Consumer<Jedis> onConnect) {
        this.address = address;
        this.streamKey = stream.getBytes(StandardCharsets.UTF_8);
        this.seqKey = seqCounter.getBytes(StandardCharsets.UTF_8);
        this.reachability = reachability;
        this.telemetry = telemetry;
        this.entries = entries;
        this.startsAt = startsAt;
        this.onConnect = onConnect;
    }

    /** Connects (and finds where to start) now, on the caller's thread: whether that worked. */
    boolean connect() {
        try {
            connectOrThrow();
            return true;
        } catch (JedisException e) {
            disconnect();
            if (!isClosing()) {
                failed(e);
            }
            return false;
        }
    }

    /**
     * Reads until the node stops. Whatever goes wrong (Redis gone, Redis refusing, a bug, an {@link Error}, an
     * interrupt from someone else) it drops its connection, counts as failing (the node is not ready meanwhile),
     * waits a random while that grows with each failure in a row ({@link #PAUSES}) and starts again, resuming
     * after the last entry it handed on.
     */
    @Override
    public void run() {
        // A managed thread factory names its threads its own way; this one should be recognisable in a dump.
        Thread.currentThread().setName(THREAD_NAME);
        int failures = 0;
        while (!isClosing()) {
            try {
                if (Thread.interrupted()) {
                    throw new InterruptedException("the reader's thread was interrupted");
                }
                if (connection == null) {
                    connectOrThrow();
                }
                readOnce();
                failures = 0;
            } catch (Throwable e) { // nothing short of the node stopping ends the reader
                disconnect();
                if (isClosing()) {
                    break;
                }
                failed(e);
                pauseFor(PAUSES.millisAfter(++failures));
            }
        }
        disconnect();
    }

    /** Stops the loop; closing the socket ends an XREAD that is waiting. */
    void close() {
        closing.countDown();
        disconnect();
    }

    private void connectOrThrow() {
        Jedis jedis = address.connect();
        connection = jedis;
        if (lastId == null) {
            start(jedis);
        }
        onConnect.accept(jedis);
        reachability.up();
    }

    /** A lost connection is an outage; anything else is the reader failing, and restarting. */
    private void failed(Throwable e) {
        if (e instanceof JedisException jedis && reachability.failed(jedis, null)) {
            return;
        }
        telemetry.readerRestarted();
        if (!(e instanceof JedisException) && !(e instanceof InterruptedException)) {
            bugs.log(() -> "The Redis stream reader failed", e);
        }
        reachability.readerFailed(e);
    }

    private void readOnce() {
        List<Map.Entry<byte[], List<StreamEntryBinary>>> reply = connection.xreadBinary(
                XReadParams.xReadParams().block(BLOCK_MILLIS).count(BATCH), Map.of(streamKey, lastId));
        reachability.up();
        reachability.readerWorks();
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
        StreamEntry.of(entry).ifPresent(entries);
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

    /**
     * Waits before the next try, but no longer than until {@link #close}. An interrupt cuts the wait short and is
     * taken as one more failure: only {@link #close} stops the reader.
     */
    private void pauseFor(long millis) {
        try {
            closing.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

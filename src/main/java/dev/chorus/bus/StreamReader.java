package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamEntryBinary;

/**
 * The node's one reader of the stream: {@code XREAD BLOCK} in a loop, each entry handed on in stream order. It
 * resumes after the last entry it read, so a short disconnect loses nothing; the first time it connects it
 * starts after the newest entry, so a node that starts (or restarts) never replays old messages. When Redis is
 * unreachable it retries, waiting a little longer each time (at most {@link #LONGEST_PAUSE_MILLIS}).
 */
final class StreamReader implements Runnable {

    /** How long one XREAD waits for news before it asks again. */
    static final int BLOCK_MILLIS = 1_000;

    private static final System.Logger LOG = System.getLogger(StreamReader.class.getName());
    private static final String THREAD_NAME = "chorus-bus-reader";
    private static final int BATCH = 256;
    private static final long FIRST_PAUSE_MILLIS = 50;
    private static final long LONGEST_PAUSE_MILLIS = 1_000;

    private final RedisAddress address;
    private final String stream;
    private final byte[] streamKey;
    private final Reachability reachability;
    private final Consumer<Entry> entries;
    private final Consumer<Jedis> onConnect;
    private final CountDownLatch closing = new CountDownLatch(1);

    /** The last entry id read, or null before the first connection. Touched by one thread at a time. */
    private StreamEntryID lastId;

    private volatile Jedis connection;

    /** One stream entry: its id ({@code millis-sequence}, by Redis's clock) and the envelope's bytes. */
    record Entry(StreamEntryID id, byte[] value) {}

    /**
     * @param entries takes each entry, in stream order, on the reader's thread
     * @param onConnect runs on every new connection before the node counts as reachable
     */
    StreamReader(
            RedisAddress address,
            String stream,
            Reachability reachability,
            Consumer<Entry> entries,
            Consumer<Jedis> onConnect) {
        this.address = address;
        this.stream = stream;
        this.streamKey = stream.getBytes(StandardCharsets.UTF_8);
        this.reachability = reachability;
        this.entries = entries;
        this.onConnect = onConnect;
    }

    /** Connects (and finds where to start) now, on the caller's thread: whether that worked. */
    boolean connect() {
        try {
            Jedis jedis = address.connect();
            connection = jedis;
            if (lastId == null) {
                lastId = newestId(jedis);
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
                // One field per entry: the envelope.
                for (byte[] value : entry.getFields().values()) {
                    entries.accept(new Entry(entry.getID(), value));
                }
            }
        }
    }

    /** The newest entry's id, or {@code 0-0} for an empty (or absent) stream. */
    private StreamEntryID newestId(Jedis jedis) {
        List<StreamEntry> newest = jedis.xrevrange(stream, "+", "-", 1);
        return newest == null || newest.isEmpty()
                ? new StreamEntryID()
                : newest.get(0).getID();
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

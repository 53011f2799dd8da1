package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import redis.clients.jedis.Response;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The node's one thread that talks to Redis for its events, so no thread that serves sockets or holds the room's
 * locks ever waits on Redis: they only hand an event to a bounded queue ({@link #offer}, never blocking). The
 * thread takes what has gathered, up to {@link #BATCH} events, and sends them as one pipeline on one connection,
 * so they enter the stream in the order they were handed over and a slow Redis costs one round trip per batch,
 * not per event. Said and binary messages may fill at most {@link #MESSAGES} places and {@link #BYTES} bytes of
 * the queue; joins and leaves may use the rest ({@link #CAPACITY} in all), so a flood of messages never keeps a
 * leave off the bus.
 */
final class Publisher implements Runnable {

    /** Said and binary messages waiting at most. */
    static final int MESSAGES = 4_096;

    /** Their bytes at most: 16 MiB. */
    static final long BYTES = 16L << 20;

    /** Events of every kind waiting at most. */
    static final int CAPACITY = 2 * MESSAGES;

    /** Events sent in one pipeline at most. */
    static final int BATCH = 256;

    /** How long a stop waits for what is queued to go out. */
    private static final long FLUSH_MILLIS = 5_000;

    private static final System.Logger LOG = System.getLogger(Publisher.class.getName());
    private static final String THREAD_NAME = "chorus-bus-publisher";
    private static final String HERE_ONLY = "what this node's clients said reaches this node only";

    /** An event handed over, encoded. */
    record Pending(StreamEnvelope envelope, byte[] encoded) {
        boolean isMessage() {
            return envelope.event() instanceof BusEvent.Said || envelope.event() instanceof BusEvent.Sent;
        }
    }

    /** What becomes of each event the thread took. */
    interface Outcome {
        /** Redis took it; {@code reply} is its answer (a said-message's seq). */
        void appended(Pending pending, Object reply);

        /** Redis did not take it (or may have: {@code maybeTaken}, its answer was lost): this node's clients hear it. */
        void deliverHere(Pending pending, boolean maybeTaken);
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final AtomicInteger queuedMessages = new AtomicInteger();
    private final AtomicLong queuedBytes = new AtomicLong();
    private final CountDownLatch finished = new CountDownLatch(1);
    private final PublishingConnection connection;
    private final Reachability reachability;
    private final Appends appends;
    private final Outcome outcome;
    private volatile boolean closing;

    Publisher(PublishingConnection connection, Reachability reachability, Appends appends, Outcome outcome) {
        this.connection = connection;
        this.reachability = reachability;
        this.appends = appends;
        this.outcome = outcome;
    }

    void start(ThreadFactory threads) {
        threads.newThread(this).start();
    }

    /**
     * Queues {@code pending} without waiting: false if there is no room for it (nor after a stop began), and
     * nothing was queued.
     */
    boolean offer(Pending pending) {
        if (closing) {
            return false;
        }
        if (!pending.isMessage()) {
            return queue.offer(pending);
        }
        // Both counted first, so that released() always takes back both.
        int count = queuedMessages.incrementAndGet();
        long bytes = queuedBytes.addAndGet(pending.encoded().length);
        if (count <= MESSAGES && bytes <= BYTES && queue.offer(pending)) {
            return true;
        }
        released(pending);
        return false;
    }

    @Override
    public void run() {
        Thread.currentThread().setName(THREAD_NAME);
        List<Pending> batch = new ArrayList<>(BATCH);
        try {
            while (!closing || !queue.isEmpty()) {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, BATCH - 1);
                batch.forEach(this::released);
                sendSafely(batch);
                batch.clear();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.log(Level.WARNING, "The Redis publisher was interrupted: {0} queued events go nowhere", queue.size());
        } finally {
            finished.countDown();
        }
    }

    /** Stops taking events, and waits (bounded) until those already queued went out. */
    void close() {
        closing = true;
        try {
            if (!finished.await(FLUSH_MILLIS, TimeUnit.MILLISECONDS)) {
                LOG.log(Level.WARNING, "Stopped with {0} events not yet on the bus", queue.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void released(Pending pending) {
        if (pending.isMessage()) {
            queuedMessages.decrementAndGet();
            queuedBytes.addAndGet(-pending.encoded().length);
        }
    }

    /** A bug here must not end the thread (nor lose the batch for this node's clients). */
    private void sendSafely(List<Pending> batch) {
        try {
            send(batch);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.ERROR, "Publishing to Redis failed", e);
            batch.forEach(pending -> outcome.deliverHere(pending, true));
        }
    }

    private void send(List<Pending> batch) {
        if (!reachability.isConnected()) {
            batch.forEach(pending -> outcome.deliverHere(pending, false));
            return;
        }
        List<Response<?>> replies;
        try {
            replies = connection.run(jedis -> appends.pipeline(jedis, batch));
        } catch (JedisException e) {
            // Redis may have taken some and only its answers were lost: the reader must then skip them.
            reachability.failed(e, HERE_ONLY);
            batch.forEach(pending -> outcome.deliverHere(pending, true));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                outcome.appended(batch.get(i), replies.get(i).get());
            } catch (JedisDataException e) {
                // Redis answered, with an error (OOM, READONLY, …): it did not take this one.
                reachability.failed(e, HERE_ONLY);
                outcome.deliverHere(batch.get(i), false);
            }
        }
        for (int i = batch.size(); i < replies.size(); i++) {
            try {
                replies.get(i).get(); // the trim
            } catch (JedisDataException e) {
                reachability.failed(e, "the stream was not trimmed by age (MINID needs Redis 6.2)");
            }
        }
    }
}

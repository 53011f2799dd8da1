package dev.chorus.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

/**
 * The sending side of a run: one thread per sender, each bounded by an end time, so a stuck server cannot
 * keep the benchmark waiting. A sender's socket takes one send at a time, so each thread waits (bounded) for
 * its send to be written before the next.
 */
final class Senders {

    private static final Duration SEND_LIMIT = Duration.ofSeconds(5);

    private final List<Thread> threads = new ArrayList<>();
    private final Tally tally;

    Senders(Tally tally) {
        this.tally = tally;
    }

    /**
     * Closed loop: at most {@code window} of this sender's messages unacknowledged, its own echo being the
     * acknowledgement; each message is stamped when it is sent.
     */
    void closedLoop(Receiver self, Measurement measurement, int window, int size, long until) {
        Semaphore unacknowledged = new Semaphore(window);
        self.onOwnEcho(unacknowledged::release);
        start(() -> {
            long seq = 0;
            while (System.nanoTime() - until < 0) {
                if (unacknowledged.tryAcquire(50, TimeUnit.MILLISECONDS)) {
                    long now = System.nanoTime();
                    measurement.sent(now);
                    send(self, Payload.text(self.dialect(), seq++, now, size));
                }
            }
        });
    }

    /**
     * Open loop: message k is due at {@code start + k * period} and carries that due time, not the time it
     * went out, so a sender held up by the server shows the wait as latency (no coordinated omission).
     */
    void scheduled(Receiver self, Measurement measurement, long start, long periodNanos, int size, long until) {
        start(() -> {
            for (long seq = 0; ; seq++) {
                long due = start + seq * periodNanos;
                if (due - until >= 0) {
                    return;
                }
                LockSupport.parkNanos(due - System.nanoTime());
                measurement.sent(due);
                send(self, Payload.text(self.dialect(), seq, due, size));
            }
        });
    }

    /** Waits for every sender to finish (each ends by its own end time; this bounds the wait as well). */
    void await(long until) throws InterruptedException {
        for (Thread thread : threads) {
            long left = until - System.nanoTime() + SEND_LIMIT.toNanos() * 2;
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    private void send(Receiver self, String text) throws Exception {
        try {
            self.socket().sendText(text, true).get(SEND_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new TimeoutException("a send took over " + SEND_LIMIT.toSeconds() + " s");
        }
    }

    private interface Loop {
        void run() throws Exception;
    }

    private void start(Loop loop) {
        Thread thread = new Thread(
                () -> {
                    try {
                        loop.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } catch (Exception e) {
                        // The sender stops; what stopped it is reported with the run's other troubles.
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        tally.closed("sender stopped: " + cause.getClass().getSimpleName() + " " + cause.getMessage());
                    }
                },
                "sender-" + threads.size());
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }
}

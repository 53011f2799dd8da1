package dev.chorus.client;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import java.util.random.RandomGenerator;

/**
 * How long {@link ReconnectingClient} waits before each connect attempt after a connection is lost or an
 * attempt failed: exponential backoff with "full jitter". Attempt {@code n} waits a uniformly random whole
 * number of milliseconds between 0 and its ceiling, {@code min(max, first × 2^(n-1))}. The randomness is the
 * point: after a server restart its clients come back spread over the ceiling instead of all in the same
 * moment. Or: never again.
 */
public final class Backoff {

    /** Ceilings of 250 ms, 500 ms, 1 s … up to 8 s between attempts; each wait anywhere from 0 to its ceiling. */
    public static final Backoff DEFAULT = exponential(Duration.ofMillis(250), Duration.ofSeconds(8));

    private static final Backoff NONE = new Backoff(null, null, null);

    private final Duration first;
    private final Duration max;
    private final RandomGenerator random;

    private Backoff(Duration first, Duration max, RandomGenerator random) {
        this.first = first;
        this.max = max;
        this.random = random;
    }

    /** Full-jitter backoff from {@code first} doubling up to {@code max}, drawing from a {@link Random} of its own. */
    public static Backoff exponential(Duration first, Duration max) {
        // java.util.Random, not a faster generator: one Backoff may serve several clients' threads at once.
        return exponential(first, max, new Random());
    }

    /** The same, drawing the waits from {@code random}, which must be safe for the threads that share it. */
    public static Backoff exponential(Duration first, Duration max, RandomGenerator random) {
        if (first.toMillis() < 1 || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 1ms <= first <= max, got " + first + " and " + max);
        }
        return new Backoff(first, max, random);
    }

    /** Never reconnect: the first lost connection or failed attempt ends the client. */
    public static Backoff none() {
        return NONE;
    }

    /**
     * The wait before retry {@code attempt}, drawn afresh at each call: 1 for the first after a lost connection
     * or a failed first connect, 2 after that one failed too, and so on; empty to give up.
     */
    public Optional<Duration> delay(int attempt) {
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(random.nextLong(ceiling(attempt).toMillis() + 1)));
    }

    /** The longest wait before retry {@code attempt}: {@code min(max, first × 2^(attempt-1))}. */
    public Duration ceiling(int attempt) {
        if (first == null) {
            throw new IllegalStateException("no reconnect, so no wait");
        }
        Duration ceiling = first;
        for (int i = 1; i < attempt && ceiling.compareTo(max) < 0; i++) {
            ceiling = ceiling.multipliedBy(2);
        }
        return ceiling.compareTo(max) < 0 ? ceiling : max;
    }

    @Override
    public String toString() {
        return first == null
                ? "no reconnect"
                : "reconnect after a random wait up to " + first + ", the limit doubling up to " + max;
    }
}

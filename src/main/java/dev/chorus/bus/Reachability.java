package dev.chorus.bus;

import java.lang.System.Logger.Level;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether this node reaches Redis, with one log line per change: one WARNING when an outage starts (however
 * many commands fail during it) and one INFO when Redis is back. The listener hears each change once.
 */
final class Reachability {

    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());

    private enum State {
        STARTING,
        UP,
        DOWN
    }

    private final AtomicReference<State> state = new AtomicReference<>(State.STARTING);
    private final AtomicLong outages = new AtomicLong();
    private final RedisAddress address;
    private final BusTelemetry telemetry;
    private volatile BusListener listener = event -> {};

    Reachability(RedisAddress address, BusTelemetry telemetry) {
        this.address = address;
        this.telemetry = telemetry;
    }

    void tell(BusListener newListener) {
        listener = newListener;
    }

    boolean isUp() {
        return state.get() == State.UP;
    }

    /** How many outages began so far: a connection made before the latest one is stale. */
    long outages() {
        return outages.get();
    }

    void up() {
        State was = state.getAndSet(State.UP);
        if (was == State.UP) {
            return;
        }
        if (was == State.DOWN) {
            telemetry.reconnected();
            LOG.log(Level.INFO, "Redis at {0} is reachable again: chat across the nodes resumes", address);
        } else {
            LOG.log(Level.INFO, "Connected to Redis at {0}: this node chats with every node there", address);
        }
        listener.reachable(true);
    }

    void down(Exception cause) {
        State was = state.getAndSet(State.DOWN);
        if (was == State.DOWN) {
            LOG.log(Level.DEBUG, () -> "Redis at " + address + " still unreachable: " + cause);
            return;
        }
        outages.incrementAndGet();
        LOG.log(
                Level.WARNING,
                "Redis at {0} is unreachable ({1}): clients here keep chatting among themselves, new clients are"
                        + " refused (503) until it is back",
                address,
                String.valueOf(cause));
        listener.reachable(false);
    }
}

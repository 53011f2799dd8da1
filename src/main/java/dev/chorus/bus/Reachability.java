package dev.chorus.bus;

import java.lang.System.Logger.Level;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Whether this node reaches Redis and reads its stream, with one log line per change: one WARNING when an
 * outage starts (however many commands fail during it) and one INFO when Redis is back; likewise when the
 * stream reader fails and reads again. The listener hears each change of the two together once.
 *
 * <p>It also sorts Redis's failures: a connection that fails (refused, reset, timed out) is an outage; an error
 * Redis answers with (OOM, READONLY, a script error) is not: Redis is there, it refused one command. Each kind
 * is counted, and logged at most once per 30 s ({@link ThrottledLog}), so a Redis that refuses every write gives
 * neither a line per message nor a down-and-up per message.
 */
final class Reachability {

    private static final System.Logger LOG = System.getLogger(RedisBus.class.getName());

    private enum State {
        STARTING,
        UP,
        DOWN
    }

    private final RedisAddress address;
    private final BusTelemetry telemetry;
    private final ThrottledLog stillDown = new ThrottledLog(LOG, Level.INFO);
    private final ThrottledLog refused = new ThrottledLog(LOG, Level.WARNING);
    private volatile BusListener listener = event -> {};
    private volatile State state = State.STARTING; // written under this
    private volatile boolean readerBroken; // written under this
    private volatile long outages;
    private boolean told; // guarded by this

    Reachability(RedisAddress address, BusTelemetry telemetry) {
        this.address = address;
        this.telemetry = telemetry;
    }

    void tell(BusListener newListener) {
        listener = newListener;
    }

    /** Whether this node both reaches Redis and reads its stream: it may let newcomers in. */
    boolean isUp() {
        return state == State.UP && !readerBroken;
    }

    /** Whether the last command on any connection was answered (the reader may still be failing). */
    boolean isConnected() {
        return state == State.UP;
    }

    /** How many outages began so far: a connection made before the latest one is stale. */
    long outages() {
        return outages;
    }

    /** A command was answered. */
    void up() {
        if (state != State.UP) {
            becameUp();
        }
    }

    private synchronized void becameUp() {
        State was = state;
        if (was == State.UP) {
            return;
        }
        boolean wasUp = isUp();
        state = State.UP;
        if (was == State.DOWN) {
            telemetry.reconnected();
            LOG.log(Level.INFO, "Redis at {0} is reachable again: chat across the nodes resumes", address);
        } else {
            LOG.log(Level.INFO, "Connected to Redis at {0}: this node chats with every node there", address);
        }
        changed(wasUp);
    }

    /**
     * A command failed with {@code cause}: a connection failure starts an outage (if none is under way); an error
     * Redis answered with is counted and, with what it means for the clients ({@code consequence}; null: the
     * caller logs it), logged at most every 30 s. It changes nothing else.
     *
     * @return whether it was a connection failure
     */
    boolean failed(JedisException cause, String consequence) {
        if (!(cause instanceof JedisConnectionException)) {
            telemetry.error(BusTelemetry.ErrorKind.COMMAND);
            if (consequence != null) {
                refused.log(
                        () -> "Redis at " + address + " refused a command (" + cause.getMessage() + "): " + consequence,
                        null);
            }
            return false;
        }
        telemetry.error(BusTelemetry.ErrorKind.CONNECTION);
        down(cause);
        return true;
    }

    private synchronized void down(Exception cause) {
        if (state == State.DOWN) {
            stillDown.log(() -> "Redis at " + address + " is still unreachable: " + cause, null);
            return;
        }
        boolean wasUp = isUp();
        state = State.DOWN;
        outages++;
        LOG.log(
                Level.WARNING,
                "Redis at {0} is unreachable ({1}): clients here keep chatting among themselves, new clients are"
                        + " refused (503) until it is back",
                address,
                String.valueOf(cause));
        changed(wasUp);
    }

    /** The stream reader failed with {@code cause} (not a lost connection) and will try again. */
    synchronized void readerFailed(Throwable cause) {
        if (readerBroken) {
            return;
        }
        boolean wasUp = isUp();
        readerBroken = true;
        LOG.log(
                Level.WARNING,
                "Reading the Redis stream at {0} failed ({1}): this node hears no other node, and refuses new clients"
                        + " (503), until it reads again",
                address,
                String.valueOf(cause));
        changed(wasUp);
    }

    /** The stream reader read (or waited for news) without failing. */
    void readerWorks() {
        if (readerBroken) {
            readerRecovered();
        }
    }

    private synchronized void readerRecovered() {
        if (!readerBroken) {
            return;
        }
        boolean wasUp = isUp();
        readerBroken = false;
        LOG.log(Level.INFO, "Reading the Redis stream at {0} works again", address);
        changed(wasUp);
    }

    /**
     * Tells the listener if the two together changed, or the first time anything is known (under this lock, so it
     * hears the changes in order).
     */
    private void changed(boolean wasUp) {
        boolean nowUp = isUp();
        if (nowUp != wasUp || !told) {
            told = true;
            listener.reachable(nowUp);
        }
    }
}

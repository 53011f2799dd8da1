package dev.chorus.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.chorus.testing.Peer;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.glassfish.grizzly.Connection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** One sweeper for many connections: each armed one expires once, a disarmed one never. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ConnectionDeadlinesTest {

    private final BlockingQueue<Connection<?>> expired = new LinkedBlockingQueue<>();

    @Test
    void anArmedConnectionExpiresOnceAndIsNoLongerPending() throws Exception {
        try (ConnectionDeadlines deadlines = new ConnectionDeadlines("test", Duration.ofMillis(50), expired::add)) {
            Connection<?> connection = connection(new AtomicBoolean(true));
            deadlines.arm(connection);
            assertSame(connection, expired.poll(Peer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertEquals(0, deadlines.pending());
            deadlines.arm(connection(new AtomicBoolean(true)));
            // A later connection's expiry: by then the first would have expired a second time, had it stayed.
            expired.poll(Peer.WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertNull(expired.poll());
        }
    }

    @Test
    void aDisarmedConnectionNeverExpires() throws Exception {
        try (ConnectionDeadlines deadlines = new ConnectionDeadlines("test", Duration.ofMillis(50), expired::add)) {
            Connection<?> disarmed = connection(new AtomicBoolean(true));
            Connection<?> armed = connection(new AtomicBoolean(true));
            deadlines.arm(disarmed);
            deadlines.arm(armed);
            assertEquals(2, deadlines.pending());
            assertEquals(true, deadlines.disarm(disarmed));
            // The one armed later expires; the earlier one would have gone first.
            assertSame(armed, expired.poll(Peer.WAIT.toMillis(), TimeUnit.MILLISECONDS));
            assertNull(expired.poll());
            assertEquals(false, deadlines.disarm(armed), "expired, so no longer armed");
        }
    }

    @Test
    void aConnectionAlreadyClosedIsNotArmedForItsClose() {
        try (ConnectionDeadlines deadlines = new ConnectionDeadlines("test", Duration.ofSeconds(30), expired::add)) {
            deadlines.armOnce(connection(new AtomicBoolean(false)));
            assertEquals(0, deadlines.pending());
            Connection<?> open = connection(new AtomicBoolean(true));
            deadlines.armOnce(open);
            deadlines.armOnce(open);
            assertEquals(1, deadlines.pending());
        }
    }

    /** A stand-in whose only state is whether it is open; it is its own identity, as Grizzly's are. */
    private static Connection<?> connection(AtomicBoolean open) {
        Object[] self = new Object[1];
        self[0] = Proxy.newProxyInstance(
                Connection.class.getClassLoader(), new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                    return switch (method.getName()) {
                        case "isOpen" -> open.get();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        case "toString", "getPeerAddress" -> "connection@" + System.identityHashCode(proxy);
                        default -> throw new UnsupportedOperationException(method.getName());
                    };
                });
        return (Connection<?>) self[0];
    }
}

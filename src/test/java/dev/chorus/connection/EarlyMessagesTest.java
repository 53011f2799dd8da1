package dev.chorus.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.chorus.limits.Inbound;
import dev.chorus.protocol.CloseReasons;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a client sends before it is let in: held in order, bounded, then passed on. */
class EarlyMessagesTest {

    @Test
    void messagesBeforeTheArrivalIsSettledAreHeldAndComeOutInOrderThenEverythingPasses() {
        EarlyMessages early = new EarlyMessages();
        Inbound.Result hello = new Inbound.Complete("hello");
        Inbound.Result bytes = new Inbound.Complete(ByteBuffer.wrap(new byte[] {1, 2}));
        Inbound.Result refused = new Inbound.Refused(CloseReasons.RATE_LIMITED);
        for (Inbound.Result message : List.of(hello, bytes, refused)) {
            assertEquals(EarlyMessages.Held.HELD, early.hold(message));
        }
        List<Inbound.Result> out = new ArrayList<>();
        for (Inbound.Result message = early.next(); message != null; message = early.next()) {
            out.add(message);
        }
        assertEquals(List.of(hello, bytes, refused), out);
        assertEquals(EarlyMessages.Held.PASS, early.hold(hello));
        assertNull(early.next());
    }

    @Test
    void atMostSixteenMessagesAreHeld() {
        EarlyMessages early = new EarlyMessages();
        for (int i = 0; i < EarlyMessages.MESSAGES; i++) {
            assertEquals(EarlyMessages.Held.HELD, early.hold(new Inbound.Complete("m" + i)));
        }
        assertEquals(EarlyMessages.Held.FULL, early.hold(new Inbound.Complete("one more")));
    }

    @Test
    void oneMessageIsHeldWhateverItsSizeButNoMoreBytesThanTheLimitAfterIt() {
        EarlyMessages early = new EarlyMessages();
        assertEquals(EarlyMessages.Held.HELD, early.hold(new Inbound.Complete("x".repeat(EarlyMessages.BYTES * 2))));
        assertEquals(EarlyMessages.Held.FULL, early.hold(new Inbound.Complete("y")));
    }
}

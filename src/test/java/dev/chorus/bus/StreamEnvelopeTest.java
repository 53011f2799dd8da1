package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamEnvelopeTest {

    @Test
    void everyKindOfEventComesBackAsItWent() {
        List<BusEvent> events = List.of(
                new BusEvent.Joined(7),
                new BusEvent.Said(8, "héllo 👋, \"quotes\" and\nlines"),
                new BusEvent.Said(9, ""),
                new BusEvent.Sent(10, ByteBuffer.wrap(new byte[] {0, -1, 2}).asReadOnlyBuffer()),
                new BusEvent.Left(11));
        for (BusEvent event : events) {
            StreamEnvelope decoded = StreamEnvelope.decode(new StreamEnvelope(-42L, 99L, event).encode());
            assertEquals(-42L, decoded.node());
            assertEquals(99L, decoded.number());
            assertEquals(event, decoded.event());
        }
    }

    @Test
    void encodingLeavesTheBinaryMessageUnread() {
        ByteBuffer data = ByteBuffer.wrap(new byte[] {1, 2, 3});
        new StreamEnvelope(1, 1, new BusEvent.Sent(1, data)).encode();
        assertEquals(3, data.remaining());
    }

    /** Found by {@link StreamEnvelopeProperties}: such an entry was delivered as an event from client 0 or -1. */
    @Test
    void anEventFromAnIdBelowOneIsRefused() {
        for (int from : new int[] {0, -1, Integer.MIN_VALUE}) {
            byte[] bytes = new StreamEnvelope(1, 1, new BusEvent.Joined(1)).encode();
            ByteBuffer.wrap(bytes).putInt(1, from);
            assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(bytes));
        }
    }

    @Test
    void somethingElseInTheStreamIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(new byte[] {'S', 0, 0}));
        byte[] unknown = new StreamEnvelope(1, 1, new BusEvent.Joined(1)).encode();
        unknown[0] = 'X';
        assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(unknown));
    }
}

package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamEnvelopeTest {

    @Test
    void everyKindOfEventComesBackAsItWent() {
        List<BusEvent> events = List.of(
                new BusEvent.Joined(RoomName.ROOT, 7, ClientName.of(7)),
                new BusEvent.Said(RoomName.ROOT, 8, ClientName.of(8), "héllo 👋, \"quotes\" and\nlines"),
                new BusEvent.Said(RoomName.ROOT, 9, ClientName.of(9), ""),
                new BusEvent.Sent(
                        RoomName.ROOT,
                        10,
                        ByteBuffer.wrap(new byte[] {0, -1, 2}).asReadOnlyBuffer()),
                new BusEvent.Left(RoomName.ROOT, 11, ClientName.of(11)));
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
        new StreamEnvelope(1, 1, new BusEvent.Sent(RoomName.ROOT, 1, data)).encode();
        assertEquals(3, data.remaining());
    }

    /** Found by {@link StreamEnvelopeProperties}: such an entry was delivered as an event from client 0 or -1. */
    @Test
    void anEventFromAnIdBelowOneIsRefused() {
        for (int from : new int[] {0, -1, Integer.MIN_VALUE}) {
            byte[] bytes = new StreamEnvelope(1, 1, new BusEvent.Joined(RoomName.ROOT, 1, ClientName.of(1))).encode();
            ByteBuffer.wrap(bytes).putInt(1, from);
            assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(bytes));
        }
    }

    @Test
    void somethingElseInTheStreamIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(new byte[] {'S', 0, 0}));
        byte[] unknown = new StreamEnvelope(1, 1, new BusEvent.Joined(RoomName.ROOT, 1, ClientName.of(1))).encode();
        unknown[0] = 'X';
        assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(unknown));
    }

    @Test
    void idsPastTheLargestIntUpToTheLargestLongComeBackExactly() {
        for (long id :
                new long[] {Integer.MAX_VALUE, Integer.MAX_VALUE + 1L, 1L << 53, (1L << 53) + 1, Long.MAX_VALUE}) {
            List<BusEvent> events = List.of(
                    new BusEvent.Joined(RoomName.ROOT, id, ClientName.of(id)),
                    new BusEvent.Said(RoomName.ROOT, id, ClientName.of(id), "hi"),
                    new BusEvent.Sent(
                            RoomName.ROOT, id, ByteBuffer.wrap(new byte[] {7}).asReadOnlyBuffer()),
                    new BusEvent.Left(RoomName.ROOT, id, ClientName.of(id)));
            for (BusEvent event : events) {
                assertEquals(
                        event,
                        StreamEnvelope.decode(new StreamEnvelope(5, 6, event).encode())
                                .event());
            }
        }
    }

    /** Nodes from before long ids read and write 4-byte ids: while ids fit, nothing on the wire has changed. */
    @Test
    void anIdThatFitsAnIntIsWrittenAsBefore() {
        byte[] encoded = new StreamEnvelope(
                        5, 6, new BusEvent.Joined(RoomName.ROOT, Integer.MAX_VALUE, ClientName.of(Integer.MAX_VALUE)))
                .encode();
        assertEquals(1 + 4 + 8 + 8, encoded.length);
        assertEquals('J', encoded[0]);
        assertEquals(Integer.MAX_VALUE, ByteBuffer.wrap(encoded, 1, 4).getInt());
        byte[] wide = new StreamEnvelope(
                        5,
                        6,
                        new BusEvent.Joined(
                                RoomName.ROOT, Integer.MAX_VALUE + 1L, ClientName.of(Integer.MAX_VALUE + 1L)))
                .encode();
        assertEquals(1 + 8 + 8 + 8, wide.length);
        assertEquals('j', wide[0]);
    }

    @Test
    void anIdThatIsNoClientsIsRefused() {
        byte[] zero = new StreamEnvelope(1, 1, new BusEvent.Joined(RoomName.ROOT, 1, ClientName.of(1))).encode();
        zero[4] = 0; // the id's low byte: 1 becomes 0
        assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(zero));
        byte[] negative = new StreamEnvelope(
                        1,
                        1,
                        new BusEvent.Joined(
                                RoomName.ROOT, Integer.MAX_VALUE + 1L, ClientName.of(Integer.MAX_VALUE + 1L)))
                .encode();
        negative[1] = (byte) 0x80; // the wide id's sign bit
        assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(negative));
    }

    @Test
    void aWideEventCutShortIsRefused() {
        byte[] wide = new StreamEnvelope(
                        1, 1, new BusEvent.Left(RoomName.ROOT, Long.MAX_VALUE, ClientName.of(Long.MAX_VALUE)))
                .encode();
        assertThrows(
                IllegalArgumentException.class,
                () -> StreamEnvelope.decode(java.util.Arrays.copyOf(wide, wide.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> StreamEnvelope.decode(new byte[0]));
    }
}

package dev.chorus.bus;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * One event as it is stored in the Redis stream, in one binary field so texts and bytes travel unchanged: a
 * kind byte, the client id, the publishing node and its own running number (so a node can recognise its own
 * events), then the text as UTF-8 or the binary message's bytes.
 *
 * <p>Ids are {@code long}. An id that fits in an {@code int} is written as 4 bytes under an upper-case kind, as
 * nodes before {@code long} ids wrote and read every event, so old and new nodes understand each other until
 * ids pass {@link Integer#MAX_VALUE}; a larger one is written as 8 bytes under the lower-case kind, which an old
 * node skips as unknown rather than misreads.
 *
 * @param node the publishing node, random per start
 * @param number the publishing node's running number of this event
 * @param event the event itself
 */
record StreamEnvelope(long node, long number, BusEvent event) {

    private static final byte JOINED = 'J';
    private static final byte SAID = 'S';
    private static final byte SENT = 'B';
    private static final byte LEFT = 'L';
    /** Added to a kind for an 8-byte id: 'J' becomes 'j'. */
    private static final byte WIDE = 'a' - 'A';

    private static final int REST_OF_HEADER = Long.BYTES + Long.BYTES;

    byte[] encode() {
        byte kind;
        ByteBuffer payload;
        if (event instanceof BusEvent.Said said) {
            kind = SAID;
            payload = ByteBuffer.wrap(said.text().getBytes(StandardCharsets.UTF_8));
        } else if (event instanceof BusEvent.Sent sent) {
            kind = SENT;
            payload = sent.data().duplicate();
        } else {
            kind = event instanceof BusEvent.Joined ? JOINED : LEFT;
            payload = ByteBuffer.allocate(0);
        }
        long from = event.from();
        boolean wide = from > Integer.MAX_VALUE || from < Integer.MIN_VALUE;
        int idBytes = wide ? Long.BYTES : Integer.BYTES;
        ByteBuffer encoded = ByteBuffer.allocate(1 + idBytes + REST_OF_HEADER + payload.remaining());
        if (wide) {
            encoded.put((byte) (kind + WIDE)).putLong(from);
        } else {
            encoded.put(kind).putInt((int) from);
        }
        encoded.putLong(node).putLong(number).put(payload);
        return encoded.array();
    }

    /** @throws IllegalArgumentException if {@code bytes} are not an event this version wrote */
    static StreamEnvelope decode(byte[] bytes) {
        if (bytes.length == 0) {
            throw new IllegalArgumentException("an empty event");
        }
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte kind = in.get();
        boolean wide = Character.isLowerCase(kind);
        int idBytes = wide ? Long.BYTES : Integer.BYTES;
        if (bytes.length < 1 + idBytes + REST_OF_HEADER) {
            throw new IllegalArgumentException("too short for an event: " + bytes.length + " bytes");
        }
        long from = wide ? in.getLong() : in.getInt();
        if (from < 1) {
            // Ids start at 1 (one Redis counter): anything else was not written by a node and must not reach clients.
            throw new IllegalArgumentException("not a client id: " + from);
        }
        long node = in.getLong();
        long number = in.getLong();
        BusEvent event =
                switch (wide ? (byte) (kind - WIDE) : kind) {
                    case JOINED -> new BusEvent.Joined(from);
                    case LEFT -> new BusEvent.Left(from);
                    case SAID -> new BusEvent.Said(
                            from, StandardCharsets.UTF_8.decode(in).toString());
                    case SENT -> new BusEvent.Sent(from, in.slice().asReadOnlyBuffer());
                    default -> throw new IllegalArgumentException("unknown event kind " + kind);
                };
        return new StreamEnvelope(node, number, event);
    }
}

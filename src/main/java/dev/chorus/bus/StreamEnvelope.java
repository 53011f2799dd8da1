package dev.chorus.bus;

import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
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
 * <p>An event in a room other than the tutorial's, or from a client with a name of its own, or from the server,
 * is written behind a context: {@code R}, the room's name (one length byte, ASCII), the sender's name (one
 * length byte, UTF-8; none for {@code Client(N)}), then the event as above. A node from before rooms skips it as
 * an unknown kind, so the tutorial room's plain events stay readable by old and new nodes alike.
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
    /** A room and a name come first. */
    private static final byte CONTEXT = 'R';
    /** Added to a kind for an 8-byte id: 'J' becomes 'j'. */
    private static final byte WIDE = 'a' - 'A';

    private static final int REST_OF_HEADER = Long.BYTES + Long.BYTES;

    byte[] encode() {
        byte[] plain = encodePlain();
        String name = nameOf(event);
        boolean defaultName = name == null || ClientName.isDefault(event.from(), name);
        if (event.room().isRoot() && defaultName && event.from() != BusEvent.SERVER) {
            return plain;
        }
        byte[] room = event.room().toString().getBytes(StandardCharsets.US_ASCII);
        byte[] named = defaultName ? new byte[0] : name.getBytes(StandardCharsets.UTF_8);
        if (named.length > 255) {
            throw new IllegalArgumentException("a name of " + named.length + " bytes");
        }
        return ByteBuffer.allocate(3 + room.length + named.length + plain.length)
                .put(CONTEXT)
                .put((byte) room.length)
                .put(room)
                .put((byte) named.length)
                .put(named)
                .put(plain)
                .array();
    }

    private byte[] encodePlain() {
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
        if (bytes[0] != CONTEXT) {
            return decode(in, RoomName.ROOT, null);
        }
        in.get();
        RoomName room = RoomName.parse(
                        StandardCharsets.US_ASCII.decode(slice(in)).toString())
                .orElseThrow(() -> new IllegalArgumentException("not a room name"));
        String name = StandardCharsets.UTF_8.decode(slice(in)).toString();
        if (!in.hasRemaining() || in.get(in.position()) == CONTEXT) {
            throw new IllegalArgumentException("a context without an event");
        }
        return decode(in, room, name.isEmpty() ? null : name);
    }

    /** The next length-prefixed part of {@code in}. */
    private static ByteBuffer slice(ByteBuffer in) {
        if (!in.hasRemaining()) {
            throw new IllegalArgumentException("too short for a context");
        }
        int length = Byte.toUnsignedInt(in.get());
        if (in.remaining() < length) {
            throw new IllegalArgumentException("too short for a context");
        }
        ByteBuffer part = in.slice().limit(length);
        in.position(in.position() + length);
        return part;
    }

    private static String nameOf(BusEvent event) {
        if (event instanceof BusEvent.Said said) {
            return said.name();
        } else if (event instanceof BusEvent.Joined joined) {
            return joined.name();
        } else if (event instanceof BusEvent.Left left) {
            return left.name();
        }
        return null;
    }

    private static StreamEnvelope decode(ByteBuffer in, RoomName room, String givenName) {
        int bytes = in.remaining();
        byte kind = in.get();
        boolean wide = Character.isLowerCase(kind);
        int idBytes = wide ? Long.BYTES : Integer.BYTES;
        if (bytes < 1 + idBytes + REST_OF_HEADER) {
            throw new IllegalArgumentException("too short for an event: " + bytes + " bytes");
        }
        long from = wide ? in.getLong() : in.getInt();
        boolean fromServer = from == BusEvent.SERVER && givenName != null && (kind == SAID);
        if (from < 1 && !fromServer) {
            // Ids start at 1 (one Redis counter): anything else was not written by a node and must not reach clients.
            throw new IllegalArgumentException("not a client id: " + from);
        }
        long node = in.getLong();
        long number = in.getLong();
        String name = givenName != null ? givenName : ClientName.of(from);
        BusEvent event =
                switch (wide ? (byte) (kind - WIDE) : kind) {
                    case JOINED -> new BusEvent.Joined(room, from, name);
                    case LEFT -> new BusEvent.Left(room, from, name);
                    case SAID -> new BusEvent.Said(
                            room, from, name, StandardCharsets.UTF_8.decode(in).toString());
                    case SENT -> new BusEvent.Sent(room, from, in.slice().asReadOnlyBuffer());
                    default -> throw new IllegalArgumentException("unknown event kind " + kind);
                };
        return new StreamEnvelope(node, number, event);
    }
}

package dev.chorus.bus;

import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
import java.nio.ByteBuffer;

/**
 * One chat event that every node hears: in which room, who it is from (a cluster-wide client id, or {@link
 * #SERVER}) and what happened. Events that people see carry the sender's display name, so every node shows the
 * same name.
 */
public sealed interface BusEvent {

    /** The "client id" of what the server itself says (the publish API): ids start at 1. */
    long SERVER = ClientName.SERVER_ID;

    /** The room the event happened in. */
    RoomName room();

    /** The id of the client the event is about. */
    long from();

    /** Client {@code from}, called {@code name}, joined {@code room} (on whichever node). */
    record Joined(RoomName room, long from, String name) implements BusEvent {}

    /**
     * Client {@code from}, called {@code name}, said {@code text} in {@code room}, as chorus.v1's said-message
     * {@code seq} (seqs count per room):
     *
     * <ul>
     *   <li>a positive number: the cluster's seq, handed out by Redis in stream order, used as it is;
     *   <li>{@link #NUMBER_HERE}: this node is alone (the local bus), so it numbers the message itself, in the
     *       order it delivers it;
     *   <li>{@link #UNNUMBERED}: this node is cut off from Redis and delivers the message to its own clients
     *       only; the other nodes go on numbering without it, so any number given here could clash with theirs.
     * </ul>
     */
    record Said(RoomName room, long from, String name, String text, long seq) implements BusEvent {

        /** Numbered by the node that delivers it: the seq a node alone gives. */
        public static final long NUMBER_HERE = 0;

        /** Not numbered at all: said on a node cut off from the others, for its clients only. */
        public static final long UNNUMBERED = -1;

        /** What a client said, as the chat publishes it: the bus decides how it is numbered. */
        public Said(RoomName room, long from, String name, String text) {
            this(room, from, name, text, NUMBER_HERE);
        }

        public Said {
            if (seq < UNNUMBERED) {
                throw new IllegalArgumentException("not a seq: " + seq);
            }
        }

        /** The same message with {@code newSeq}. */
        Said numbered(long newSeq) {
            return new Said(room, from, name, text, newSeq);
        }
    }

    /** Client {@code from} sent these bytes in {@code room} as a binary message (read-only; each reader takes a duplicate). */
    record Sent(RoomName room, long from, ByteBuffer data) implements BusEvent {}

    /** Client {@code from}, called {@code name}, left {@code room}. */
    record Left(RoomName room, long from, String name) implements BusEvent {}
}

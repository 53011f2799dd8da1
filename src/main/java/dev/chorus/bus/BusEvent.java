package dev.chorus.bus;

import java.nio.ByteBuffer;

/** One chat event that every node hears: who it is from (a cluster-wide client id) and what happened. */
public sealed interface BusEvent {

    /** The id of the client the event is about. */
    long from();

    /** Client {@code from} joined (on whichever node). */
    record Joined(long from) implements BusEvent {}

    /**
     * Client {@code from} said {@code text}, as chorus.v1's said-message {@code seq}:
     *
     * <ul>
     *   <li>a positive number: the cluster's seq, handed out by Redis in stream order, used as it is;
     *   <li>{@link #NUMBER_HERE}: this node is alone (the local bus), so it numbers the message itself, in the
     *       order it delivers it;
     *   <li>{@link #UNNUMBERED}: this node is cut off from Redis and delivers the message to its own clients
     *       only; the other nodes go on numbering without it, so any number given here could clash with theirs.
     * </ul>
     */
    record Said(long from, String text, long seq) implements BusEvent {

        /** Numbered by the node that delivers it: the seq a node alone gives. */
        public static final long NUMBER_HERE = 0;

        /** Not numbered at all: said on a node cut off from the others, for its clients only. */
        public static final long UNNUMBERED = -1;

        /** What a client said, as the chat publishes it: the bus decides how it is numbered. */
        public Said(long from, String text) {
            this(from, text, NUMBER_HERE);
        }

        public Said {
            if (seq < UNNUMBERED) {
                throw new IllegalArgumentException("not a seq: " + seq);
            }
        }

        /** The same message with {@code newSeq}. */
        Said numbered(long newSeq) {
            return new Said(from, text, newSeq);
        }
    }

    /** Client {@code from} sent these bytes as a binary message (read-only; each reader takes a duplicate). */
    record Sent(long from, ByteBuffer data) implements BusEvent {}

    /** Client {@code from} left. */
    record Left(long from) implements BusEvent {}
}

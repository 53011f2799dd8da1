package dev.chorus.bus;

import java.nio.ByteBuffer;

/** One chat event that every node hears: who it is from (a cluster-wide client id) and what happened. */
public sealed interface BusEvent {

    /** The id of the client the event is about. */
    int from();

    /** Client {@code from} joined (on whichever node). */
    record Joined(int from) implements BusEvent {}

    /** Client {@code from} said {@code text}. */
    record Said(int from, String text) implements BusEvent {}

    /** Client {@code from} sent these bytes as a binary message (read-only; each reader takes a duplicate). */
    record Sent(int from, ByteBuffer data) implements BusEvent {}

    /** Client {@code from} left. */
    record Left(int from) implements BusEvent {}
}

package dev.chorus.broadcast;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** A peer's connection as an outbox sees it: records what it was asked to send and completes when told to. */
final class RecordingWire implements Wire.Sender {

    final List<String> sent = new ArrayList<>();
    /** How many messages each write carried. */
    final List<Integer> writes = new ArrayList<>();

    /** What the container still holds for the peer after reporting its sends done (Payara's write queue). */
    long held;

    private final List<SendHandler> inFlight = new ArrayList<>();
    private final int batchBytes;

    /** A wire that writes one message at a time, as the portable API does. */
    RecordingWire() {
        this(0);
    }

    /** A wire that writes a backlog of up to {@code batchBytes} in one write, as the launcher's does. */
    RecordingWire(int batchBytes) {
        this.batchBytes = batchBytes;
    }

    /** The oldest, and those behind it while their payloads fit {@code batchBytes} in all. */
    @Override
    public int batchSize(Iterable<Outgoing> queued) {
        Iterator<Outgoing> next = queued.iterator();
        int room = batchBytes - next.next().size();
        if (room <= 0) {
            return 1;
        }
        int size = 1;
        while (next.hasNext()) {
            int bytes = next.next().size();
            if (bytes > room) {
                break;
            }
            room -= bytes;
            size++;
        }
        return size;
    }

    @Override
    public void sendAll(List<Outgoing> batch, SendHandler handler) {
        batch.forEach(message -> sent.add(text(message)));
        writes.add(batch.size());
        inFlight.add(handler);
    }

    @Override
    public long heldBytes() {
        return held;
    }

    @Override
    public void send(Outgoing message, SendHandler handler) {
        sent.add(text(message));
        writes.add(1);
        inFlight.add(handler);
    }

    private static String text(Outgoing message) {
        return message instanceof Outgoing.Text text ? text.text() : message.toString();
    }

    /** The peer read the oldest message in flight. */
    void completeOldest() {
        inFlight.remove(0).onResult(new SendResult());
    }

    /** The oldest message in flight could not be written. */
    void failOldest(Throwable why) {
        inFlight.remove(0).onResult(new SendResult(why));
    }
}

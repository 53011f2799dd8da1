package dev.chorus.broadcast;

import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.util.ArrayList;
import java.util.List;

/** A peer's connection as an outbox sees it: records what it was asked to send and completes when told to. */
final class RecordingWire implements Wire.Sender {

    final List<String> sent = new ArrayList<>();
    private final List<SendHandler> inFlight = new ArrayList<>();

    @Override
    public void send(Outgoing message, SendHandler handler) {
        sent.add(message instanceof Outgoing.Text text ? text.text() : message.toString());
        inFlight.add(handler);
    }

    /** The peer read the oldest message in flight. */
    void completeOldest() {
        inFlight.remove(0).onResult(new SendResult());
    }
}

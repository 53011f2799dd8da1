package dev.chorus.client;

import jakarta.websocket.CloseReason;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Passes every event of one connection on to a listener, and lets its owner see the pongs and the close and
 * its {@link Resumption} the open, the text and the close: how {@link ReconnectingClient} hears about the
 * connections it opens without taking the events away from its own listener.
 */
final class Relay implements ClientListener {

    private final ClientListener target;
    private final Resumption resumption;
    private final Runnable pongSeen;
    private final Consumer<CloseReason> closeSeen;

    Relay(ClientListener target, Resumption resumption, Runnable pongSeen, Consumer<CloseReason> closeSeen) {
        this.target = target;
        this.resumption = resumption;
        this.pongSeen = pongSeen;
        this.closeSeen = closeSeen;
    }

    @Override
    public void onOpen(ChatClient client) {
        resumption.opened(client.subprotocol());
        target.onOpen(client);
    }

    @Override
    public void onMessage(String text) {
        resumption.heard(text);
        target.onMessage(text);
    }

    @Override
    public void onMessage(ByteBuffer data) {
        target.onMessage(data);
    }

    @Override
    public void onPong(ByteBuffer payload) {
        pongSeen.run();
        target.onPong(payload);
    }

    @Override
    public void onError(Throwable error) {
        target.onError(error);
    }

    @Override
    public void onClose(CloseReason reason) {
        resumption.closed(reason);
        target.onClose(reason);
        closeSeen.accept(reason);
    }
}

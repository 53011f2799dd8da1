package dev.chorus.benchmark;

import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * One load-generator connection: reads every message as it comes, keeps only the head of each (enough to
 * parse the stamp, so 16 KiB messages cost no copies) and hands that head to its {@link Arrivals}, which
 * reports it to the run's {@link Measurement} and {@link Tally}. The JDK calls one connection's listener sequentially, so the
 * fields need no locking.
 */
final class Receiver implements WebSocket.Listener {

    /** Messages (or parts) requested ahead; topped up by half when half is used, not one by one. */
    private static final int WINDOW = 256;

    private static final String HELLO = "hello from sender ";

    /** Characters kept of each message: a chorus.v1 said-event's members before the text (about 50) and the stamp. */
    static final int HEAD = 128;

    private final Arrivals arrivals;
    private final Tally tally;
    private final char[] head = new char[HEAD];

    private final Payload.Parsed parsed = new Payload.Parsed();
    private int headLength;
    private int partsSinceRequest;
    private volatile long messages;
    private volatile WebSocket socket;
    private volatile int ownId;
    private volatile Runnable onOwnEcho = () -> {};
    private volatile CompletableFuture<Integer> hello;
    private volatile String helloText;

    Receiver(Dialect dialect, Measurement measurement, Tally tally) {
        this.arrivals = new Arrivals(dialect, measurement, tally);
        this.tally = tally;
    }

    Dialect dialect() {
        return arrivals.dialect();
    }

    WebSocket socket() {
        return socket;
    }

    /** The connection, as soon as the handshake completes (onOpen may run a moment later). */
    void attach(WebSocket webSocket) {
        socket = webSocket;
    }

    /** Says hello as sender {@code index}; completes with this client's server id when the echo returns. */
    CompletableFuture<Integer> sayHello(int index) {
        CompletableFuture<Integer> id = new CompletableFuture<>();
        helloText = HELLO + index;
        hello = id;
        socket.sendText(Payload.say(arrivals.dialect(), helloText), true).exceptionally(e -> {
            id.completeExceptionally(e);
            return null;
        });
        return id.thenApply(n -> {
            ownId = n;
            return n;
        });
    }

    /** This client's server id, once its hello came back; 0 before. */
    int id() {
        return ownId;
    }

    /** For diagnostics: how many messages came and whether the connection is still open each way. */
    String describe() {
        WebSocket webSocket = socket;
        return messages + " messages received, input " + (webSocket.isInputClosed() ? "closed" : "open") + ", output "
                + (webSocket.isOutputClosed() ? "closed" : "open");
    }

    /** Called on every delivery of this client's own messages: a closed-loop sender's acknowledgement. */
    void onOwnEcho(Runnable ack) {
        onOwnEcho = ack;
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        socket = webSocket;
        webSocket.request(WINDOW);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        int take = Math.min(data.length(), head.length - headLength);
        for (int i = 0; i < take; i++) {
            head[headLength++] = data.charAt(i);
        }
        if (last) {
            messages++;
            delivered(System.nanoTime());
            headLength = 0;
        }
        return consumed(webSocket);
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
        if (last) {
            tally.other();
        }
        return consumed(webSocket);
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        tally.closed(statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        tally.closed("error " + error.getClass().getSimpleName());
    }

    private CompletionStage<?> consumed(WebSocket webSocket) {
        if (++partsSinceRequest == WINDOW / 2) {
            partsSinceRequest = 0;
            webSocket.request(WINDOW / 2);
        }
        return null;
    }

    private void delivered(long now) {
        int from = arrivals.arrived(head, headLength, now);
        if (from == Arrivals.OTHER) {
            answeredHello();
        } else if (from != Arrivals.GREETING && from == ownId) {
            onOwnEcho.run();
        }
    }

    /** Anything else, e.g. a sender's hello: completes this client's own hello when it is that one. */
    private void answeredHello() {
        CompletableFuture<Integer> waiting = hello;
        if (waiting != null && !waiting.isDone()) {
            int id = Payload.saidBy(arrivals.dialect(), head, headLength, helloText, parsed);
            if (id > 0) {
                waiting.complete(id);
            }
        }
    }
}

package dev.chorus.client;

import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Send some messages, read a number of messages back, close with 1000: the tutorial client and the command
 * line's {@code --text}/{@code --binary}/{@code --count} mode, and tests, all through this one method.
 */
public final class OneShot {

    /** What the close future reports if the close never completed (Tyrus completes it at once). */
    private static final CloseReason NO_CLOSE =
            new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, "no close seen");

    private OneShot() {}

    /**
     * On the open connection {@code client} (one that queues its messages): sends {@code payloads} in order
     * (each a {@link String} or a {@link ByteBuffer}), then waits at most {@code timeout} for each of
     * {@code count} messages, then closes normally unless the server closed first.
     *
     * @throws IOException if a send fails
     */
    public static Transcript run(ChatClient client, List<Object> payloads, int count, Duration timeout)
            throws IOException, InterruptedException {
        for (Object payload : payloads) {
            if (payload instanceof ByteBuffer data) {
                client.send(data.duplicate());
            } else {
                client.send((String) payload);
            }
        }
        List<Object> received = new ArrayList<>();
        Transcript.Ending ending = Transcript.Ending.COMPLETE;
        while (received.size() < count) {
            Object message = client.receive(timeout);
            if (message == null) {
                ending = client.closed().isDone() ? Transcript.Ending.CLOSED_BY_SERVER : Transcript.Ending.TIMED_OUT;
                break;
            }
            received.add(message);
        }
        client.close();
        return new Transcript(received, closeReason(client, timeout), ending);
    }

    private static CloseReason closeReason(ChatClient client, Duration timeout) throws InterruptedException {
        try {
            return client.closed().get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            return NO_CLOSE;
        }
    }
}

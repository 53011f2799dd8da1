package dev.chorus.launcher;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.broadcast.Wire;
import dev.chorus.deflate.DeflateOffer;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.System.Logger.Level;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.glassfish.tyrus.core.TyrusRemoteEndpoint;
import org.glassfish.tyrus.core.TyrusWebSocket;

/**
 * The launcher's fast path: writes each broadcast's ready-made frame ({@link Frames#of}, built once per event and
 * kept with the message) with Tyrus's {@link TyrusWebSocket#sendRawFrame}, the call Tyrus's own broadcast uses, instead of
 * having Tyrus encode the same text again for every recipient (a profile of the fanout benchmark showed that
 * encoding, a new UTF-8 charset per frame, as the largest single cost of a delivery).
 *
 * <p>A client with a backlog (a join storm queues one greeting per newcomer for everyone) gets the queued frames
 * back to back in one write, up to 8 KiB (so a write in flight holds little memory), instead of one write per
 * message ({@link #batchSize}); the buffers for those writes are reused ({@link WriteBuffers}).
 *
 * <p>The socket sits in a package-private field of Tyrus's remote endpoint; if a Tyrus version moves it, Chorus
 * falls back to the portable API. Tyrus 2.2 completes every write through a {@link CompletableFuture}; a send
 * that returned anything else could not be followed, so it counts as failed and that client is closed.
 */
final class TyrusFrameWire implements Wire {

    private static final System.Logger LOG = System.getLogger(TyrusFrameWire.class.getName());

    /** A backlog is written in pieces of at most this many payload bytes (one socket write each). */
    private static final int BATCH_BYTES = 8 * 1024;

    /** The most messages one write carries, however small they are. */
    private static final int MAX_BATCH = 256;

    /** Room for a batch's frame headers too: at most 2 bytes for each of up to 256 small messages. */
    private static final int BATCH_BUFFER = BATCH_BYTES + 1024;

    /** Enough for as many batched writes in flight as a join storm on this kind of machine keeps (~ 4.5 MiB). */
    private static final int BUFFERS_KEPT = 512;

    private final VarHandle socketField;
    private final WriteBuffers buffers = new WriteBuffers(BATCH_BUFFER, BUFFERS_KEPT);

    private TyrusFrameWire(VarHandle socketField) {
        this.socketField = socketField;
    }

    /** The fast path if this Tyrus offers it, else the portable one (said once in the log). */
    static Wire forThisTyrus() {
        return socketField().<Wire>map(TyrusFrameWire::new).orElseGet(() -> {
            LOG.log(Level.INFO, "This Tyrus version hides its sockets: broadcasts are framed once per recipient");
            return Wire.PORTABLE;
        });
    }

    private static Optional<VarHandle> socketField() {
        try {
            MethodHandles.Lookup lookup =
                    MethodHandles.privateLookupIn(TyrusRemoteEndpoint.class, MethodHandles.lookup());
            return Optional.of(lookup.findVarHandle(TyrusRemoteEndpoint.class, "webSocket", TyrusWebSocket.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public Sender connect(Session session) {
        RemoteEndpoint.Async remote = session.getAsyncRemote();
        if (!(remote instanceof TyrusRemoteEndpoint tyrus)) {
            return Wire.PORTABLE.connect(session);
        }
        return new FrameSender((TyrusWebSocket) socketField.get(tyrus), buffers, deflates(session));
    }

    /** Whether {@code session} negotiated permessage-deflate (always with the one set of parameters Chorus accepts). */
    private static boolean deflates(Session session) {
        return session.getNegotiatedExtensions().stream().anyMatch(e -> DeflateOffer.NAME.equals(e.getName()));
    }

    /**
     * How many of {@code queued} one write carries: the oldest, and those behind it while their payloads fit
     * {@link #BATCH_BYTES} in all (a first message that fills it goes alone), at most {@link #MAX_BATCH}.
     */
    static int batchSize(Iterable<Outgoing> queued) {
        Iterator<Outgoing> next = queued.iterator();
        int room = BATCH_BYTES - next.next().size();
        if (room <= 0) {
            return 1;
        }
        int size = 1;
        while (next.hasNext() && size < MAX_BATCH) {
            int bytes = next.next().size();
            if (bytes > room) {
                break;
            }
            room -= bytes;
            size++;
        }
        return size;
    }

    /**
     * Writes ready-made frames to one Tyrus socket: one message's, or a backlog's back to back in one write; their
     * compressed form if the peer negotiated permessage-deflate ({@code deflate}).
     */
    private record FrameSender(TyrusWebSocket socket, WriteBuffers buffers, boolean deflate) implements Sender {

        @Override
        public void send(Outgoing message, SendHandler handler) {
            write(frame(message).get(), handler);
        }

        private Frames.Frame frame(Outgoing message) {
            Frames.Frame frame = Frames.of(message);
            return deflate ? frame.compressed() : frame;
        }

        @Override
        public int batchSize(Iterable<Outgoing> queued) {
            return TyrusFrameWire.batchSize(queued);
        }

        @Override
        public void sendAll(List<Outgoing> batch, SendHandler handler) {
            // Loops, not streams: this runs once per write in a join storm, and its garbage is the heap's growth.
            int size = 0;
            for (int i = 0; i < batch.size(); i++) {
                size += frame(batch.get(i)).size();
            }
            ByteBuffer joined = buffers.take(size);
            for (int i = 0; i < batch.size(); i++) {
                frame(batch.get(i)).copyTo(joined);
            }
            write(joined.flip(), result -> {
                if (result.isOK()) {
                    buffers.give(joined); // written: Grizzly holds it no more (after a failure it might)
                }
                handler.onResult(result);
            });
        }

        private void write(ByteBuffer frames, SendHandler handler) {
            if (!socket.isConnected()) {
                // Tyrus's own sends refuse once a close is under way; its raw-frame send does not ask, and a
                // broadcast written after the close frame breaks RFC 6455 5.5.1 (the churn soak saw it happen).
                handler.onResult(new SendResult(new IllegalStateException("the connection is closing")));
                return;
            }
            Future<?> sent = socket.sendRawFrame(frames);
            if (sent instanceof CompletableFuture<?> completion) {
                completion.whenComplete(
                        (frame, failure) -> handler.onResult(failure == null ? Wire.SENT : new SendResult(failure)));
            } else {
                handler.onResult(new SendResult(new IllegalStateException("Tyrus gave no completion for a send")));
            }
        }
    }
}

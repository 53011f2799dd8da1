package dev.chorus.client;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A long-running client in the style of Python's {@code WebSocketApp.run_forever}: keeps a connection to one
 * URI open, reconnecting with {@link Backoff} whenever it is lost or an attempt fails, optionally pinging it
 * ({@link Pings}), and reports everything to a {@link ClientListener}. {@link #stop} closes it for good.
 *
 * <p>When a connection negotiates {@code chorus.v1} (offer it with {@link ClientOptions#withSubprotocols}), the
 * next one resumes the conversation: it connects with {@code ?since=<last seq>}, so the server replays what was
 * said while the client was away (or a {@code gap} with how much it no longer keeps), nothing twice.
 *
 * <p>One daemon thread connects, schedules reconnects and pings; it alone changes the state below, so no locks
 * are needed. Tyrus's threads only hand it events.
 */
public final class ReconnectingClient implements AutoCloseable {

    private final URI uri;
    private final ClientOptions options;
    private final Backoff backoff;
    private final Pings pings;
    private final ClientListener listener;
    private final ScheduledExecutorService scheduler;
    private final CompletableFuture<CloseReason> finished = new CompletableFuture<>();
    private final Resumption resumption = new Resumption();
    private volatile CompletableFuture<ChatClient> connection = new CompletableFuture<>();
    private volatile boolean stopRequested;
    private ChatClient current;
    private volatile Heartbeat heartbeat;
    private ScheduledFuture<?> nextAttempt;
    /** Retries scheduled since the last connection opened (or since the start): the next one's number. */
    private int retries;

    private ReconnectingClient(URI uri, ClientOptions options, Backoff backoff, Pings pings, ClientListener listener) {
        this.uri = uri;
        this.options = options;
        this.backoff = backoff;
        this.pings = pings;
        this.listener = listener;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "chorus-client-" + uri);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts connecting to {@code uri} in the background and returns at once. */
    public static ReconnectingClient start(
            URI uri, ClientOptions options, Backoff backoff, Pings pings, ClientListener listener) {
        ReconnectingClient client = new ReconnectingClient(uri, options, backoff, pings, listener);
        client.scheduler.execute(client::connect);
        return client;
    }

    /**
     * The open connection, or the next one once it opens. Completes exceptionally when the client is finished;
     * may hand out a connection that closes a moment later, so sends can still fail.
     */
    public CompletableFuture<ChatClient> connection() {
        return connection;
    }

    /** Sends on the current connection. @throws IOException if there is none open right now */
    public void send(String text) throws IOException {
        openConnection().send(text);
    }

    public void send(ByteBuffer data) throws IOException {
        openConnection().send(data);
    }

    private ChatClient openConnection() throws IOException {
        ChatClient client = connection.getNow(null);
        if (client == null || !client.isOpen()) {
            throw new IOException("not connected to " + uri);
        }
        return client;
    }

    /**
     * Completes when the client is finished: with the last close reason, or exceptionally with the
     * {@link ConnectFailure} that ended it when there is no reconnecting.
     */
    public CompletableFuture<CloseReason> finished() {
        return finished;
    }

    /**
     * The newest chorus.v1 said-message seen (or reported lost in a gap), after which the next connection
     * resumes; empty until a chorus.v1 connection has been welcomed.
     */
    public OptionalLong lastSeq() {
        return resumption.lastSeq();
    }

    /** Whether {@link #stop} was called (then the end was asked for, not suffered). */
    public boolean stopRequested() {
        return stopRequested;
    }

    /**
     * Stops reconnecting and closes the open connection, if any, with {@code reason}. A connect attempt under
     * way is finished first: if it fails and would not be retried, that failure is the outcome.
     */
    public CompletableFuture<CloseReason> stop(CloseReason reason) {
        stopRequested = true;
        runOnScheduler(() -> {
            if (nextAttempt != null) {
                nextAttempt.cancel(false);
            }
            if (current == null || current.closed().isDone()) {
                finish(reason);
                return;
            }
            try {
                current.close(reason); // the close event then finishes this client
            } catch (IOException e) {
                listener.onError(e);
                finish(reason);
            }
        });
        return finished;
    }

    /**
     * Stops with 1000 {@code bye} and waits until the connection is closed: at most twice the handshake timeout,
     * which bounds a connect under way and then the closing handshake.
     */
    @Override
    public void close() {
        try {
            stop(CloseReasons.CLIENT_DONE)
                    .get(options.handshakeTimeout().multipliedBy(2).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // Finished by a failure, or the close is slow: either way nothing is left to wait for here.
        }
    }

    private void connect() {
        if (finished.isDone()) {
            return;
        }
        try {
            ChatClient client = ChatClient.connect(
                    resumption.next(uri), options, new Relay(listener, resumption, this::pongSeen, this::closeSeen));
            retries = 0;
            current = client;
            if (pings.enabled()) {
                heartbeat = Heartbeat.start(client, pings, scheduler, listener::onError);
            }
            connection.complete(client);
        } catch (ConnectFailure failure) {
            listener.onError(failure);
            // Without retries this failure is the outcome, even if a stop is waiting; with them, a waiting stop
            // cancels the retry this schedules.
            retryOr(() -> {
                finished.completeExceptionally(failure);
                finish(null); // completes nothing more, but ends the connection future and the thread
            });
        }
    }

    /** On Tyrus's thread: any pong shows the peer is alive. */
    private void pongSeen() {
        Heartbeat beating = heartbeat;
        if (beating != null) {
            beating.pongReceived();
        }
    }

    /** On Tyrus's thread: the rest of the work belongs on this client's own. */
    private void closeSeen(CloseReason reason) {
        runOnScheduler(() -> closed(reason));
    }

    private void closed(CloseReason reason) {
        if (heartbeat != null) {
            heartbeat.stop();
            heartbeat = null;
        }
        connection = new CompletableFuture<>();
        if (finished.isDone()) {
            return;
        }
        if (stopRequested) {
            finish(reason);
        } else {
            retryOr(() -> finish(reason));
        }
    }

    /**
     * Schedules the next attempt after the backoff's delay for it, or gives up. A failed first connect and a
     * lost connection both lead to retry 1 (the first delay); each retry that fails doubles it.
     */
    private void retryOr(Runnable giveUp) {
        Optional<Duration> delay = backoff.delay(retries + 1);
        if (delay.isEmpty()) {
            giveUp.run();
            return;
        }
        retries++;
        listener.onReconnecting(delay.get(), retries);
        nextAttempt = scheduler.schedule(this::connect, delay.get().toNanos(), TimeUnit.NANOSECONDS);
    }

    private void finish(CloseReason reason) {
        finished.complete(reason);
        connection.completeExceptionally(new IllegalStateException("the client for " + uri + " has finished"));
        scheduler.shutdown();
    }

    private void runOnScheduler(Runnable task) {
        try {
            scheduler.execute(task);
        } catch (RejectedExecutionException e) {
            // Already finished: nothing is left to do.
        }
    }
}

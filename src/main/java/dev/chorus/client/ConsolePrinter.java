package dev.chorus.client;

import dev.chorus.settings.Durations;
import jakarta.websocket.CloseReason;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The interactive mode's listener: what the server sends goes to stdout as it arrives (messages, then the
 * close), diagnostics go to stderr (errors, reconnects, and with {@code --verbose} the pongs).
 */
final class ConsolePrinter implements ClientListener {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean verbose;

    ConsolePrinter(PrintWriter out, PrintWriter err, boolean verbose) {
        this.out = out;
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void onMessage(String text) {
        print(out, ConsoleLines.incoming(text));
    }

    @Override
    public void onMessage(ByteBuffer data) {
        print(out, ConsoleLines.incoming(data));
    }

    @Override
    public void onPong(ByteBuffer payload) {
        if (verbose) {
            print(err, ConsoleLines.pong(payload));
        }
    }

    @Override
    public void onClose(CloseReason reason) {
        print(out, ConsoleLines.closed(reason));
    }

    @Override
    public void onError(Throwable error) {
        print(err, "chorus client: " + error.getMessage());
    }

    @Override
    public void onReconnecting(Duration delay, int attempt) {
        print(err, "chorus client: reconnecting in " + Durations.format(delay) + " (attempt " + attempt + ")");
    }

    /** Several threads print (Tyrus's and stdin's): one whole line at a time, flushed. */
    private static void print(PrintWriter writer, String line) {
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }
}

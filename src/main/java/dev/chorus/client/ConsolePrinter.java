package dev.chorus.client;

import dev.chorus.notation.Durations;
import jakarta.websocket.CloseReason;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * The interactive mode's listener: what the server sends goes to stdout as it arrives (messages, then the
 * close), diagnostics go to stderr (errors, reconnects, and with {@code --verbose} the pongs), all escaped
 * by {@link ConsoleOutput}.
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
        ConsoleOutput.println(out, ConsoleLines.incoming(text));
    }

    @Override
    public void onMessage(ByteBuffer data) {
        ConsoleOutput.println(out, ConsoleLines.incoming(data));
    }

    @Override
    public void onPong(ByteBuffer payload) {
        if (verbose) {
            ConsoleOutput.println(err, ConsoleLines.pong(payload));
        }
    }

    @Override
    public void onClose(CloseReason reason) {
        ConsoleOutput.println(out, ConsoleLines.closed(reason));
    }

    @Override
    public void onError(Throwable error) {
        ConsoleOutput.println(err, "chorus client: " + error.getMessage());
    }

    @Override
    public void onReconnecting(Duration delay, int attempt) {
        ConsoleOutput.println(
                err, "chorus client: reconnecting in " + Durations.format(delay) + " (attempt " + attempt + ")");
    }
}

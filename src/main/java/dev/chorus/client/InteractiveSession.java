package dev.chorus.client;

import dev.chorus.notation.Durations;
import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.Charset;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * {@code chorus client --interactive}: every line of stdin is sent as a text message, everything the server
 * sends is printed as it arrives, and the end of stdin (Ctrl-D) closes with 1000: what arrives until the
 * server's close answers ours is still printed (at most the {@code --timeout} long). Runs on
 * {@link ReconnectingClient}, so {@code --reconnect} and {@code --ping-interval} come for free.
 */
final class InteractiveSession {

    private final URI uri;
    private final ClientOptions options;
    private final Backoff backoff;
    private final Pings pings;
    private final PrintWriter out;
    private final PrintWriter err;

    InteractiveSession(URI uri, ClientOptions options, Backoff backoff, Pings pings, PrintWriter out, PrintWriter err) {
        this.uri = uri;
        this.options = options;
        this.backoff = backoff;
        this.pings = pings;
        this.out = out;
        this.err = err;
    }

    /** Runs until stdin ends or the connection is gone for good; returns the exit code. */
    int run(InputStream stdin, boolean verbose) throws InterruptedException {
        ReconnectingClient client =
                ReconnectingClient.start(uri, options, backoff, pings, new ConsolePrinter(out, err, verbose));
        Thread reader = new Thread(() -> forwardLines(stdin, client), "chorus-client-stdin");
        // Daemon: a server that closes first ends the command while this thread still waits on stdin.
        reader.setDaemon(true);
        reader.start();
        try {
            return exitCode(client.finished().get());
        } catch (ExecutionException e) {
            // The failure is already printed by the listener; only the exit code is left to give.
            return e.getCause() instanceof ConnectFailure failure ? ExitCodes.of(failure.kind()) : ExitCodes.OTHER;
        }
    }

    private void forwardLines(InputStream stdin, ReconnectingClient client) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(stdin, Charset.defaultCharset()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                ChatClient connection = client.connection().join(); // lines wait while (re)connecting
                send(connection, line);
            }
        } catch (IOException e) {
            ConsoleOutput.println(err, "chorus client: cannot read stdin: " + e.getMessage());
        } catch (CompletionException e) {
            return; // the client finished: nothing more will be sent
        }
        client.stop(CloseReasons.CLIENT_DONE);
    }

    private void send(ChatClient connection, String line) {
        try {
            connection.send(line);
        } catch (IOException e) {
            ConsoleOutput.println(err, "chorus client: not sent, the connection closed: " + line);
        }
    }

    private int exitCode(CloseReason last) {
        if (ConsoleLines.sameReason(last, CloseReasons.NO_CLOSE_ANSWER)) {
            // What the server sent after the close started may be missing: the end was not clean.
            return complain(ExitCodes.TIMEOUT, "the server did not answer the close within " + closeTimeout());
        }
        // After the end of input that is normally the server's echo of our 1000; a server that closed for a
        // reason of its own (a 1008 crossing our close, say) made the end abnormal, whoever asked first.
        if (last.getCloseCode().getCode() == CloseReason.CloseCodes.NORMAL_CLOSURE.getCode()) {
            return ExitCodes.OK;
        }
        return complain(ExitCodes.OTHER, "the connection ended: " + ConsoleLines.codeAndReason(last));
    }

    private String closeTimeout() {
        return Durations.format(options.handshakeTimeout());
    }

    private int complain(int exitCode, String message) {
        ConsoleOutput.println(err, "chorus client: " + message);
        return exitCode;
    }
}

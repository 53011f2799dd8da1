package dev.chorus.client;

import dev.chorus.notation.Durations;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code chorus client} without {@code --interactive}: one {@link OneShot} exchange, its messages printed the
 * tutorial's way ({@code Received '…'}), its ending turned into an exit code with one line on stderr.
 */
final class OneShotSession {

    private final URI uri;
    private final ClientOptions options;
    private final PrintWriter out;
    private final PrintWriter err;

    OneShotSession(URI uri, ClientOptions options, PrintWriter out, PrintWriter err) {
        this.uri = uri;
        this.options = options;
        this.out = out;
        this.err = err;
    }

    /** Sends {@code payloads}, prints up to {@code count} messages, closes; returns the exit code. */
    int run(List<Object> payloads, int count, boolean verbose) throws IOException, InterruptedException {
        Transcript transcript;
        try (ChatClient client = ChatClient.connect(uri, options)) {
            transcript = OneShot.run(client, payloads, count, options.handshakeTimeout());
        } catch (ConnectFailure e) {
            return fail(ExitCodes.of(e.kind()), e.getMessage());
        }
        ConsoleOutput.println(
                out, transcript.received().stream().map(ConsoleLines::received).toList());
        if (verbose) {
            ConsoleOutput.println(err, ConsoleLines.closed(transcript.close()));
        }
        String received = transcript.received().size() + " of " + count + " messages";
        Duration timeout = options.handshakeTimeout();
        return switch (transcript.ending()) {
            case COMPLETE -> ExitCodes.OK;
            case TIMED_OUT -> fail(
                    ExitCodes.TIMEOUT,
                    "received " + received + " from " + uri + ", no more within " + Durations.format(timeout));
            case CLOSED_BY_SERVER -> fail(
                    ExitCodes.OTHER,
                    "the server closed the connection after " + received + ": "
                            + ConsoleLines.codeAndReason(transcript.close()));
        };
    }

    private int fail(int code, String message) {
        ConsoleOutput.println(err, "chorus client: " + message);
        return code;
    }
}

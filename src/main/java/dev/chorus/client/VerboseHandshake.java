package dev.chorus.client;

import java.io.PrintWriter;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** {@code --verbose}: prints the upgrade request and the server's answer to stderr, curl style. */
final class VerboseHandshake implements HandshakeObserver {

    private final PrintWriter err;

    VerboseHandshake(PrintWriter err) {
        this.err = err;
    }

    @Override
    public void request(URI uri, Map<String, List<String>> headers) {
        print(ConsoleLines.request(uri, headers));
    }

    @Override
    public void response(int status, String reasonPhrase, Map<String, List<String>> headers) {
        print(ConsoleLines.response(status, reasonPhrase, headers));
    }

    private void print(List<String> lines) {
        ConsoleOutput.println(err, lines);
    }
}

package dev.chorus.client;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chorus client [OPTIONS] [URL]}: by default the tutorial's client (send {@code Hello, world!}, print
 * the first message as {@code Received '…'}, close with 1000); with {@code --text}/{@code --binary}/
 * {@code --binary-file}/{@code --count} a one-shot exchange; with {@code --interactive} a wsdump-like console. This class reads the
 * mode options and picks the mode ({@link ConnectOptions} has the connection's); {@link OneShotSession} and
 * {@link InteractiveSession} do the work.
 */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        description = {
            "Without options: sends 'Hello, world!', prints the first message received, closes with 1000.",
            "With --interactive: sends each line of stdin, prints every message as it arrives; the end of stdin"
                    + " (Ctrl-D) closes with 1000, and what arrives until the server answers the close is printed too.",
            "Control characters in what is printed are shown as escapes (\\u001b, \\n ...)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done: the messages asked for arrived, or the connection closed normally",
            "1:failed otherwise (untrusted certificate, server closed abnormally, ...)",
            "2:invalid option",
            "3:server unreachable (refused, unknown host)",
            "4:handshake rejected with an HTTP status (printed, e.g. 403 Forbidden)",
            "5:timed out (handshake, a message asked for with --count, or the server's answer to our close)"
        })
public final class ClientCommand implements Callable<Integer> {

    private static final String TUTORIAL_GREETING = "Hello, world!";

    @Spec
    private CommandSpec spec;

    @Mixin
    private ConnectOptions connecting;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "URL",
            defaultValue = "ws://localhost:9001/",
            description = "ws:// or wss://. Default: ${DEFAULT-VALUE}")
    private URI url;

    @Option(
            names = {"-i", "--interactive"},
            description = "Send stdin line by line, print messages as they arrive.")
    private boolean interactive;

    @Option(
            names = "--ping-interval",
            paramLabel = "DURATION",
            converter = OptionValues.DurationValue.class,
            description = "Interactive: ping this often; no pong within --timeout closes the connection.")
    private Duration pingInterval;

    @Option(
            names = "--reconnect",
            description = "Interactive: reconnect whenever the connection is lost, after a random wait "
                    + "of up to 250ms, the limit doubling with each failed attempt up to 8s.")
    private boolean reconnect;

    // --text, --binary and --binary-file land in payloads, in command-line order (OptionValues.Payload); their
    // fields only give picocli something to hang the options on.
    @Option(
            names = "--text",
            paramLabel = "TEXT",
            parameterConsumer = OptionValues.Payload.class,
            description = "Send TEXT instead of 'Hello, world!'; repeatable, sent in order with the binary ones.")
    private List<String> texts;

    @Option(
            names = "--binary",
            paramLabel = "HEX",
            parameterConsumer = OptionValues.Payload.class,
            description = "Send a binary message given in hex (00ff, '00 ff' or 00:ff); repeatable.")
    private List<String> binaries;

    @Option(
            names = "--binary-file",
            paramLabel = "FILE",
            parameterConsumer = OptionValues.Payload.class,
            description = "Send FILE's bytes as one binary message; repeatable.")
    private List<String> binaryFiles;

    @Option(
            names = "--count",
            paramLabel = "N",
            defaultValue = "1",
            description = "Print N messages, then close. Default: ${DEFAULT-VALUE}.")
    private int count;

    private final List<Object> payloads = new ArrayList<>();

    /** Wraps the root command's usage-error handler so the client's errors take one line: see {@link UsageErrors}. */
    public static CommandLine.IParameterExceptionHandler usageErrors(CommandLine.IParameterExceptionHandler others) {
        return new UsageErrors(others);
    }

    void addPayload(Object payload) {
        payloads.add(payload);
    }

    @Override
    public Integer call() {
        checkCombinations();
        ClientOptions options = connecting.toClientOptions(); // a bad --cacert is a usage error: check first
        try {
            if (interactive) {
                Backoff backoff = reconnect ? Backoff.DEFAULT : Backoff.none();
                Pings pings = pingInterval == null ? Pings.NONE : Pings.every(pingInterval, connecting.timeout);
                return new InteractiveSession(url, options, backoff, pings, out(), err())
                        .run(System.in, connecting.verbose);
            }
            List<Object> sending = payloads.isEmpty() ? List.of(TUTORIAL_GREETING) : payloads;
            return new OneShotSession(url, options, out(), err()).run(sending, count, connecting.verbose);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        } catch (IOException | RuntimeException e) {
            // One line, never a stack trace: a failed send, or a bug that still deserves a clean exit code.
            return fail(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private void checkCombinations() {
        String scheme = url.getScheme() == null ? "" : url.getScheme();
        if (!scheme.equals("ws") && !scheme.equals("wss")) {
            throw usage("the URL must start with ws:// or wss://: " + url);
        }
        if (interactive
                && (!payloads.isEmpty() || spec.commandLine().getParseResult().hasMatchedOption("--count"))) {
            throw usage("--text, --binary, --binary-file and --count are for one-shot use, not with --interactive");
        }
        if (!interactive && (reconnect || pingInterval != null)) {
            throw usage("--reconnect and --ping-interval need --interactive");
        }
        if (count < 0) {
            throw usage("--count must be 0 or more, not " + count);
        }
        if (pingInterval != null && pingInterval.isZero()) {
            throw usage("--ping-interval must be longer than zero");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }

    private int fail(String message) {
        ConsoleOutput.println(err(), "chorus client: " + message);
        return ExitCodes.OTHER;
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}

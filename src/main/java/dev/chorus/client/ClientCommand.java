package dev.chorus.client;

import java.io.PrintWriter;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chorus client [URL]}: the tutorial's client. Connects, sends {@code Hello, world!}, prints the first
 * message it receives as {@code Received '…'}, and closes with 1000.
 */
@Command(
        name = "client",
        mixinStandardHelpOptions = true,
        description = "Connects, sends 'Hello, world!', prints the first message received, closes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:received a message",
            "1:failed otherwise",
            "2:invalid option",
            "3:server unreachable (refused, unknown host)",
            "4:handshake rejected with an HTTP status",
            "5:timed out"
        })
public final class ClientCommand implements Callable<Integer> {

    static final int OTHER = 1;
    static final int UNREACHABLE = 3;
    static final int REJECTED = 4;
    static final int TIMEOUT = 5;
    private static final Duration TIMEOUT_DEFAULT = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;

    @Parameters(
            index = "0",
            arity = "0..1",
            defaultValue = "ws://localhost:9001/",
            description = "Default: ${DEFAULT-VALUE}")
    private URI url;

    @Override
    public Integer call() throws Exception {
        try (ChatClient client = ChatClient.connect(url, TIMEOUT_DEFAULT)) {
            client.send("Hello, world!");
            Object message = client.receive(TIMEOUT_DEFAULT);
            if (message == null) {
                return fail(TIMEOUT, "no message from " + url + " within " + TIMEOUT_DEFAULT.toSeconds() + " s");
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("Received '" + (message instanceof String text ? text : describe(message)) + "'");
            out.flush();
            return 0;
        } catch (ConnectFailure e) {
            return fail(exitCode(e.kind()), e.getMessage());
        }
    }

    private static String describe(Object binary) {
        return "[binary, " + ((java.nio.ByteBuffer) binary).remaining() + " bytes]";
    }

    private static int exitCode(ConnectFailure.Kind kind) {
        return switch (kind) {
            case UNREACHABLE -> UNREACHABLE;
            case REJECTED -> REJECTED;
            case TIMEOUT -> TIMEOUT;
            case TLS, OTHER -> OTHER;
        };
    }

    private int fail(int code, String message) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("chorus client: " + message);
        err.flush();
        return code;
    }
}

package dev.chorus.client;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code chorus client}'s options for how to connect — handshake headers, subprotocols, TLS trust, timeout,
 * verbosity — as a picocli mixin, turned into the library's {@link ClientOptions}.
 */
final class ConnectOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    @Option(names = "--origin", paramLabel = "ORIGIN", description = "The Origin header (default http://HOST:PORT).")
    private String origin;

    @Option(
            names = {"-H", "--header"},
            paramLabel = "NAME:VALUE",
            converter = OptionValues.HeaderValue.class,
            description = "An extra handshake header; repeatable.")
    private List<OptionValues.Header> headers = new ArrayList<>();

    @Option(
            names = "--subprotocol",
            paramLabel = "NAME",
            description = "A subprotocol to offer; repeatable, preferred first.")
    private List<String> subprotocols = new ArrayList<>();

    @Option(
            names = "--cacert",
            paramLabel = "FILE",
            description = "wss: trust only servers certified by the CA certificate(s) in FILE (PEM or DER).")
    private Path cacert;

    @Option(
            names = {"-k", "--insecure"},
            description = "wss: trust any certificate and host name (tests only).")
    private boolean insecure;

    @Option(
            names = "--timeout",
            paramLabel = "DURATION",
            defaultValue = "10s",
            converter = OptionValues.DurationValue.class,
            description = "Longest wait for the handshake, for each message asked for, for a pong, "
                    + "and for the server's answer to our close. "
                    + "Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    @Option(
            names = {"-v", "--verbose"},
            description = "Print the handshake (and pongs) on stderr.")
    boolean verbose;

    /** The library's options; a --cacert that cannot be used is a usage error, found before connecting. */
    ClientOptions toClientOptions() {
        if (cacert != null && insecure) {
            throw usage("--cacert and --insecure exclude each other");
        }
        if (timeout.isZero()) {
            throw usage("--timeout must be longer than zero");
        }
        ClientOptions options = ClientOptions.defaults()
                .withOrigin(origin)
                .withSubprotocols(subprotocols)
                .withTrust(trust())
                .withHandshakeTimeout(timeout);
        for (OptionValues.Header header : headers) {
            options = options.withHeader(header.name(), header.value());
        }
        return verbose
                ? options.withObserver(
                        new VerboseHandshake(command.commandLine().getErr()))
                : options;
    }

    private TlsTrust trust() {
        if (insecure) {
            return TlsTrust.insecure();
        }
        if (cacert == null) {
            return TlsTrust.systemDefault();
        }
        try {
            return TlsTrust.caCertificates(cacert);
        } catch (NoSuchFileException e) {
            throw usage("--cacert " + cacert + ": no such file");
        } catch (IOException | GeneralSecurityException e) {
            throw usage("--cacert " + cacert + ": not a certificate file (" + e.getMessage() + ")");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}

package dev.chorus.client;

import dev.chorus.notation.Durations;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.glassfish.grizzly.http.util.HttpStatus;
import org.glassfish.tyrus.core.HandshakeException;

/** A connection that could not be opened, classified so the command line can give each kind its exit code. */
public final class ConnectFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the connection failed. */
    public enum Kind {
        /** Nothing answered: refused, unreachable, unknown host. */
        UNREACHABLE,
        /** The server answered the upgrade with an HTTP status instead of 101. */
        REJECTED,
        /** The handshake did not finish in time. */
        TIMEOUT,
        /** The TLS handshake failed: the certificate is not trusted or not for this host, or no TLS spoken. */
        TLS,
        /** Anything else. */
        OTHER
    }

    /**
     * All Tyrus 2.2 says when the handshake timeout expires: a DeploymentException with this message and no
     * cause (ClientManager). ChatClientTest notices if a Tyrus upgrade changes it.
     */
    private static final String TYRUS_HANDSHAKE_TIMEOUT = "Handshake response not received.";

    private final Kind kind;
    private final int status;

    ConnectFailure(Kind kind, String message, Throwable cause) {
        this(kind, 0, message, cause);
    }

    private ConnectFailure(Kind kind, int status, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status that refused the handshake ({@link Kind#REJECTED}), else 0. */
    public int status() {
        return status;
    }

    /** Classifies what Tyrus threw while connecting to {@code uri}. */
    static ConnectFailure of(URI uri, Exception e, HandshakeExchange exchange, Duration timeout)
            throws InterruptedException {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HandshakeException refused) {
                return rejected(uri, refused.getHttpStatusCode(), exchange, e);
            }
            if (t instanceof CertificateException || t instanceof SSLException) {
                return new ConnectFailure(
                        Kind.TLS, "TLS handshake with " + uri + " failed: " + root(t).getMessage(), e);
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException) {
                return new ConnectFailure(Kind.UNREACHABLE, "cannot reach " + uri + ": " + t.getMessage(), e);
            }
            if (t instanceof UnknownHostException) {
                return new ConnectFailure(Kind.UNREACHABLE, "cannot reach " + uri + ": unknown host", e);
            }
            if (t instanceof TimeoutException
                    || t instanceof SocketTimeoutException
                    || (t.getCause() == null && TYRUS_HANDSHAKE_TIMEOUT.equals(t.getMessage()))) {
                return new ConnectFailure(
                        Kind.TIMEOUT, "no handshake from " + uri + " within " + Durations.format(timeout), e);
            }
        }
        return new ConnectFailure(Kind.OTHER, "cannot connect to " + uri + ": " + root(e).getMessage(), e);
    }

    /** Names the status with the server's own reason phrase, or the standard one if the server sent none. */
    private static ConnectFailure rejected(URI uri, int status, HandshakeExchange exchange, Exception e)
            throws InterruptedException {
        String phrase = exchange.response(Duration.ofSeconds(1))
                .filter(response ->
                        response.status() == status && !response.reasonPhrase().isBlank())
                .map(HandshakeExchange.Response::reasonPhrase)
                .orElseGet(() -> HttpStatus.getHttpStatus(status).getReasonPhrase());
        return new ConnectFailure(
                Kind.REJECTED, status, "the server at " + uri + " refused the handshake: " + status + " " + phrase, e);
    }

    private static Throwable root(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

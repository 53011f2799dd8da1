package dev.chorus.testing;

import dev.chorus.client.ClientOptions;
import dev.chorus.client.TlsTrust;
import javax.net.ssl.SSLContext;

/**
 * Whom the test clients trust for {@code wss}: by default the JDK's store; a test class that runs a contract
 * over TLS installs its own certificate for its duration, so the same contract code runs over ws and wss.
 */
public final class TestTrust {

    private static volatile ClientOptions options = ClientOptions.defaults().withHandshakeTimeout(Peer.WAIT);
    private static volatile SSLContext rawContext;

    private TestTrust() {}

    /** Trust {@code identity}'s certificate in every test client until {@link #reset()}. */
    public static void install(TestCertificates identity) throws Exception {
        options = options.withTrust(TlsTrust.caCertificates(identity.cert()));
        rawContext = identity.clientContext();
    }

    public static void reset() {
        options = ClientOptions.defaults().withHandshakeTimeout(Peer.WAIT);
        rawContext = null;
    }

    static ClientOptions clientOptions() {
        return options;
    }

    /** The context raw sockets use for {@code wss}, or {@code null} for the JDK default. */
    static SSLContext rawContext() {
        return rawContext;
    }

    /** An HTTP client that trusts what the test clients trust. */
    public static java.net.http.HttpClient httpClient() {
        SSLContext context = rawContext;
        return context == null
                ? java.net.http.HttpClient.newHttpClient()
                : java.net.http.HttpClient.newBuilder().sslContext(context).build();
    }
}

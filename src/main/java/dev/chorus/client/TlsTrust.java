package dev.chorus.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.glassfish.tyrus.client.SslEngineConfigurator;

/**
 * Whom a {@code wss} connection trusts: the JDK's trust store, the CA certificates in one file (like curl's
 * {@code --cacert}), or — for testing only — anyone at all.
 */
public final class TlsTrust {

    private final SSLContext context;
    private final boolean verifyHostName;

    private TlsTrust(SSLContext context, boolean verifyHostName) {
        this.context = context;
        this.verifyHostName = verifyHostName;
    }

    /** The JDK's default trust store (and {@code javax.net.ssl.trustStore}, if set), host names checked. */
    public static TlsTrust systemDefault() {
        return new TlsTrust(null, true);
    }

    /**
     * Trusts servers whose certificate chains up to a certificate in {@code file} (PEM or DER, one or more
     * certificates), and only those; the host name must still match the certificate.
     *
     * @throws IOException if the file cannot be read
     * @throws GeneralSecurityException if it holds no usable certificate
     */
    public static TlsTrust caCertificates(Path file) throws IOException, GeneralSecurityException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(file)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + file);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        int index = 0;
        for (Certificate certificate : certificates) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        return new TlsTrust(context(factory.getTrustManagers()), true);
    }

    /** Trusts every certificate and every host name: encryption without authentication, for tests only. */
    public static TlsTrust insecure() {
        try {
            return new TlsTrust(context(new TrustManager[] {new TrustEveryone()}), false);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK offers no TLS", e);
        }
    }

    /** Tyrus's TLS setting for this trust, or {@code null} to let Tyrus use the JDK's defaults. */
    SslEngineConfigurator engineConfigurator() {
        if (context == null) {
            return null;
        }
        return new SslEngineConfigurator(context, true, false, false).setHostVerificationEnabled(verifyHostName);
    }

    private static SSLContext context(TrustManager[] trustManagers) throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers, null);
        return context;
    }

    /** Accepts any chain: what {@code --insecure} asks for. */
    private static final class TrustEveryone extends X509ExtendedTrustManager {
        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

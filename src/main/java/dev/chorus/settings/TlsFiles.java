package dev.chorus.settings;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the launcher's TLS identity is: a PKCS12 keystore and its password, or a PEM certificate chain and
 * a PEM private key. Only which files to read; {@code dev.chorus.launcher.TlsContext} reads them.
 *
 * @param keystore the PKCS12 keystore, if given
 * @param password the keystore's password (may be empty)
 * @param cert the PEM certificate chain, if given
 * @param key the PEM private key, if given
 */
public record TlsFiles(Optional<Path> keystore, char[] password, Optional<Path> cert, Optional<Path> key) {

    static Optional<TlsFiles> from(Function<Setting, String> raw) {
        Optional<Path> keystore = path(raw, Setting.KEYSTORE);
        Optional<Path> cert = path(raw, Setting.CERT);
        Optional<Path> key = path(raw, Setting.KEY);
        if (keystore.isPresent() && (cert.isPresent() || key.isPresent())) {
            throw InvalidSettingException.because(
                    Setting.CERT, "give either --keystore or --cert with --key, not both");
        }
        if (cert.isPresent() && key.isEmpty()) {
            throw InvalidSettingException.because(
                    Setting.KEY, "is required with --cert " + cert.get() + ": --cert and --key go together");
        }
        if (key.isPresent() && cert.isEmpty()) {
            throw InvalidSettingException.because(
                    Setting.CERT, "is required with --key " + key.get() + ": --cert and --key go together");
        }
        if (keystore.isEmpty() && cert.isEmpty()) {
            if (!raw.apply(Setting.KEYSTORE_PASSWORD).isEmpty()) {
                throw InvalidSettingException.because(Setting.KEYSTORE_PASSWORD, "is set but --keystore is not");
            }
            return Optional.empty();
        }
        return Optional.of(
                new TlsFiles(keystore, raw.apply(Setting.KEYSTORE_PASSWORD).toCharArray(), cert, key));
    }

    private static Optional<Path> path(Function<Setting, String> raw, Setting setting) {
        String value = raw.apply(setting).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** Never print the password. */
    @Override
    public String toString() {
        return "TlsFiles[keystore=" + keystore + ", cert=" + cert + ", key=" + key + "]";
    }
}

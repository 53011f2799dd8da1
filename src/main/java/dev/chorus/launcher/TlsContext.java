package dev.chorus.launcher;

import dev.chorus.settings.InvalidSettingException;
import dev.chorus.settings.Setting;
import dev.chorus.settings.TlsFiles;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * Builds the launcher's {@link SSLContext} from {@link TlsFiles}, eagerly and before anything binds. Every
 * problem (a missing file, a wrong password, a key that does not match its certificate) stops startup with
 * one line naming the setting and the file — never a silent fall-back to plain text.
 */
final class TlsContext {

    /** TLS 1.2 and 1.3 only. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private TlsContext() {}

    static SSLContext create(TlsFiles files) {
        KeyStore keys = files.keystore().isPresent()
                ? keystore(files.keystore().get(), files.password())
                : PemIdentity.load(files.cert().orElseThrow(), files.key().orElseThrow(), files.password());
        try {
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(keys, files.password());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(factory.getKeyManagers(), null, null);
            return context;
        } catch (UnrecoverableKeyException e) {
            throw InvalidSettingException.because(
                    Setting.KEYSTORE_PASSWORD, "the key in " + files.keystore().orElse(null) + " has another password");
        } catch (GeneralSecurityException e) {
            throw InvalidSettingException.because(Setting.KEYSTORE, "cannot use the key: " + e.getMessage());
        }
    }

    private static KeyStore keystore(Path file, char[] password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw InvalidSettingException.because(Setting.KEYSTORE, "no such file " + file);
        } catch (IOException e) {
            throw InvalidSettingException.because(Setting.KEYSTORE, "cannot read " + file + ": " + e);
        }
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            keys.load(new ByteArrayInputStream(bytes), password);
            if (!hasKey(keys)) {
                throw InvalidSettingException.because(Setting.KEYSTORE, file + " holds no private key");
            }
            return keys;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException
                    || String.valueOf(e.getMessage()).contains("password")) {
                throw InvalidSettingException.because(Setting.KEYSTORE_PASSWORD, "wrong password for " + file);
            }
            // What the JDK says about the bytes (often nothing, or "Tag number over 30") helps nobody.
            throw InvalidSettingException.because(Setting.KEYSTORE, file + " is not a PKCS12 keystore");
        } catch (GeneralSecurityException e) {
            throw InvalidSettingException.because(Setting.KEYSTORE, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private static boolean hasKey(KeyStore keys) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(keys.aliases())) {
            if (keys.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }
}

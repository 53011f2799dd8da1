package dev.chorus.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.OctetSequenceKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import dev.chorus.settings.InvalidSettingException;
import dev.chorus.settings.Setting;
import dev.chorus.settings.Settings;
import dev.chorus.testing.Tokens;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The forms the jwt-key setting takes, and the ones that fail startup with a line naming the setting. */
class TokenKeyTest {

    @TempDir
    Path dir;

    @Test
    void aSecretTakesEveryHmacAlgorithmItIsLongEnoughFor() {
        assertEquals(Set.of(JWSAlgorithm.HS256), TokenKey.parse("a".repeat(32)).algorithms());
        assertEquals(
                Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384),
                TokenKey.parse("a".repeat(48)).algorithms());
        assertEquals(
                Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512),
                TokenKey.parse("a".repeat(64)).algorithms());
    }

    @Test
    void aSecretShorterThan32BytesFailsStartupWithoutShowingIt() {
        String secret = "short-secret-31-bytes-long-abcd";
        InvalidSettingException failed = assertThrows(InvalidSettingException.class, () -> settings(secret));

        assertTrue(
                failed.getMessage()
                        .startsWith("invalid --jwt-key (chorus.jwt-key, CHORUS_JWT_KEY): an HMAC"
                                + " secret must be at least 32 bytes"),
                failed.getMessage());
        assertFalse(failed.getMessage().contains(secret), failed.getMessage());
    }

    @Test
    void noKeyAsksForNoToken() {
        assertTrue(settings("").handshake().tokenKey().isEmpty());
        assertTrue(settings(Tokens.SECRET).handshake().tokenKey().isPresent());
    }

    @Test
    void aPemCertificateAndAPublicKeyAreTaken() throws Exception {
        String pem = Tokens.pem(Tokens.rsaKey().toPublicKey())
                + Tokens.pem(Tokens.ecKey().toPublicKey());

        assertEquals(
                Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256),
                TokenKey.parse("file:" + write(pem)).algorithms());
    }

    @Test
    void aSingleJwkIsTakenAndOnlyItsPublicPart() throws Exception {
        TokenKey key = TokenKey.parse("file:" + write(Tokens.ecKey().toJSONString()));

        assertEquals(Set.of(JWSAlgorithm.ES256), key.algorithms());
    }

    @Test
    void keyFilesThatCannotServeFailStartupSayingWhy() throws Exception {
        String missing = dir.resolve("absent.pem").toString();
        OctetSequenceKey oct = new OctetSequenceKeyGenerator(256).generate();
        String privatePem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(Tokens.rsaKey().toPrivateKey().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";

        assertFails("file:" + missing, "cannot read " + missing);
        assertFails("file:" + write("hello"), "holds no public key");
        assertFails("file:" + write("{not json"), "is neither a JWKS nor a PEM public key");
        assertFails("file:" + write(privatePem), "holds a PEM PRIVATE KEY block");
        assertFails("file:" + write(new JWKSet(oct).toString(false)), "holds a key of type oct");
        assertFails("file:" + write(new ECKeyGenerator(Curve.P_384).generate().toJSONString()), "ES256 needs P-256");
        assertFails("file:" + write(new RSAKeyGenerator(1024, true).generate().toJSONString()), "1024 bits");
    }

    private void assertFails(String value, String why) {
        InvalidSettingException failed = assertThrows(InvalidSettingException.class, () -> settings(value));
        assertTrue(failed.getMessage().startsWith("invalid --jwt-key"), failed.getMessage());
        assertTrue(failed.getMessage().contains(why), failed.getMessage());
    }

    private String write(String content) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "key", ".txt"), content)
                .toString();
    }

    private static Settings settings(String jwtKey) {
        return Settings.from(setting -> setting == Setting.JWT_KEY ? jwtKey : setting.defaultValue());
    }
}

package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.PlainJWT;
import dev.chorus.identity.Identity;
import dev.chorus.identity.TokenKey;
import dev.chorus.settings.OriginPolicy;
import dev.chorus.settings.TrustedProxies;
import dev.chorus.testing.Tokens;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's token step as a plain function: who is let in with which identity, and what the others are told. */
class UpgradeGateTokenTest {

    private static final String PEER = "192.0.2.7";
    private static final String CHALLENGE = "Bearer realm=\"chorus\"";
    private static final String INVALID = CHALLENGE + ", error=\"invalid_token\"";

    @TempDir
    Path dir;

    private final GateDoor door = new GateDoor();
    private final UpgradeGate hmac = gate(TokenKey.parse(Tokens.SECRET));

    @Test
    void aValidHs256TokenInTheQueryIsAdmittedWithItsClaims() {
        String token =
                Tokens.hs256("alice", claims -> claims.claim("name", "Alice").claim("rooms", List.of("/", "x")));

        Verdict.Admit admitted = admit(hmac, withQuery("token=" + token));

        assertEquals(
                new Identity("alice", Optional.of("Alice"), Optional.of(List.of("/", "x"))),
                admitted.identity().orElseThrow());
        assertEquals(List.of(), door.refusals);
    }

    @Test
    void aValidHs256TokenAsABearerCredentialIsAdmittedWithoutNameOrRooms() {
        String token = Tokens.hs256("bob", claims -> claims);

        Verdict.Admit admitted = admit(hmac, withBearer("Bearer " + token));

        assertEquals(
                new Identity("bob", Optional.empty(), Optional.empty()),
                admitted.identity().orElseThrow());
    }

    @Test
    void aValidEs256TokenIsAdmittedUnderItsPemPublicKey() throws Exception {
        ECKey key = Tokens.ecKey();
        UpgradeGate gate = gate(TokenKey.parse("file:" + write("ec.pem", Tokens.pem(key.toECPublicKey()))));

        Verdict.Admit admitted = admit(gate, withBearer("bearer " + Tokens.es256(key, Tokens.claims("carol"))));

        assertEquals("carol", admitted.identity().orElseThrow().subject());
    }

    @Test
    void aValidRs256TokenIsAdmittedUnderItsJwks() throws Exception {
        RSAKey key = Tokens.rsaKey();
        String jwks = new JWKSet(List.of(key.toPublicJWK(), Tokens.ecKey().toPublicJWK())).toString();
        UpgradeGate gate = gate(TokenKey.parse("file:" + write("keys.json", jwks)));

        Verdict.Admit admitted = admit(gate, withQuery("a=b&token=" + Tokens.rs256(key, Tokens.claims("dave"))));

        assertEquals("dave", admitted.identity().orElseThrow().subject());
    }

    @Test
    void noTokenIsRefusedWith401AndABareChallenge() {
        Verdict.Refuse refused = refuse(hmac, withQuery(null));

        assertEquals(401, refused.status());
        assertEquals(Map.of("WWW-Authenticate", CHALLENGE), refused.headers());
        assertEquals(List.of(PEER + " 401 missing token"), door.refusals);
    }

    @Test
    void aBasicCredentialIsNoToken() {
        assertEquals(
                "missing token",
                refuse(hmac, withBearer("Basic " + Tokens.SECRET)).reason());
    }

    @Test
    void anExpiredTokenIsRefusedWith401InvalidToken() {
        String token = Tokens.hs256("alice", claims -> claims.expirationTime(ago(3600)));

        assertInvalid(hmac, token, "expired token");
    }

    @Test
    void aTokenBeforeItsNotBeforeTimeIsRefused() {
        String token = Tokens.hs256(
                "alice", claims -> claims.notBeforeTime(Date.from(Instant.now().plusSeconds(600))));

        assertInvalid(hmac, token, "token not yet valid");
    }

    @Test
    void aTokenWithoutSubjectOrExpiryIsRefused() {
        assertInvalid(hmac, Tokens.hs256("alice", claims -> claims.subject(null)), "token claims invalid");
        assertInvalid(hmac, Tokens.hs256("alice", claims -> claims.expirationTime(null)), "token claims invalid");
        assertInvalid(hmac, Tokens.hs256("alice", claims -> claims.claim("rooms", "/")), "token claims invalid");
    }

    @Test
    void aTokenSignedWithAnotherSecretIsRefused() {
        String token = Tokens.hs256("another-secret-of-32-bytes-too!!", Tokens.claims("mallory"));

        assertInvalid(hmac, token, "invalid token");
    }

    @Test
    void aTokenWithATamperedPayloadIsRefused() {
        String[] parts = Tokens.hs256("alice", claims -> claims).split("\\.");
        String forged = Tokens.hs256("another-secret-of-32-bytes-too!!", Tokens.claims("admin"));

        assertInvalid(hmac, parts[0] + "." + forged.split("\\.")[1] + "." + parts[2], "invalid token");
    }

    @Test
    void anEs256TokenFromAnotherKeyIsRefused() throws Exception {
        UpgradeGate gate = gate(TokenKey.parse(
                "file:" + write("ec.pem", Tokens.pem(Tokens.ecKey().toECPublicKey()))));

        assertInvalid(gate, Tokens.es256(Tokens.ecKey(), Tokens.claims("mallory")), "invalid token");
    }

    @Test
    void anUnsignedTokenIsRefusedWhateverTheKey() throws Exception {
        String none = new PlainJWT(Tokens.claims("mallory").build()).serialize();
        UpgradeGate rsa = gate(TokenKey.parse(
                "file:" + write("rsa.pem", Tokens.pem(Tokens.rsaKey().toPublicKey()))));

        assertInvalid(hmac, none, "invalid token");
        assertInvalid(rsa, none, "invalid token");
    }

    @Test
    void anHmacTokenKeyedWithThePublicKeyIsRefused() throws Exception {
        String pem = Tokens.pem(Tokens.rsaKey().toPublicKey());
        UpgradeGate gate = gate(TokenKey.parse("file:" + write("rsa.pem", pem)));
        String confused = Tokens.signed(
                JWSAlgorithm.HS256, new MACSigner(pem.getBytes(StandardCharsets.UTF_8)), Tokens.claims("mallory"));

        assertInvalid(gate, confused, "invalid token");
    }

    @Test
    void garbageIsRefusedAsMalformed() {
        assertInvalid(hmac, "not.a.jwt", "malformed token");
        assertInvalid(hmac, "%zz", "malformed token");
    }

    @Test
    void twoTokensAreRefusedWith400() {
        String token = Tokens.hs256("alice", claims -> claims);
        Map<String, List<String>> headers = valid();
        headers.put("Authorization", List.of("Bearer " + token));

        Verdict.Refuse refused = refuse(hmac, request(headers, "token=" + token));

        assertEquals(400, refused.status());
        assertEquals(
                CHALLENGE + ", error=\"invalid_request\"", refused.headers().get("WWW-Authenticate"));
    }

    @Test
    void aRoomsClaimWithoutTheRootRoomIsRefusedWith403() {
        String token = Tokens.hs256("alice", claims -> claims.claim("rooms", List.of("lobby", "")));

        Verdict.Refuse refused = refuse(hmac, withQuery("token=" + token));

        assertEquals(403, refused.status());
        assertEquals(
                CHALLENGE + ", error=\"insufficient_scope\"", refused.headers().get("WWW-Authenticate"));
        assertEquals(List.of(PEER + " 403 room not in token"), door.refusals);
    }

    @Test
    void aRefusedTokenTakesNoPlaceUnderTheCaps() {
        refuse(hmac, withQuery("token=nothing"));

        assertEquals(0, hmac.caps().total());
    }

    @Test
    void withoutAKeyNoTokenIsAskedForAndNoIdentityGiven() {
        UpgradeGate open = new UpgradeGate(
                door,
                new HandshakeRules(OriginPolicy.parse("", false)),
                new ConnectionCaps(3, 2),
                new Forwarding(TrustedProxies.NONE),
                7);

        assertEquals(Optional.empty(), admit(open, withQuery(null)).identity());
    }

    private void assertInvalid(UpgradeGate gate, String token, String label) {
        door.refusals.clear();
        for (UpgradeRequest request : List.of(withQuery("token=" + token), withBearer("Bearer " + token))) {
            Verdict.Refuse refused = refuse(gate, request);
            assertEquals(401, refused.status(), refused::toString);
            assertEquals(label, refused.reason());
            assertEquals(Map.of("WWW-Authenticate", INVALID), refused.headers());
        }
        assertEquals(List.of(PEER + " 401 " + label, PEER + " 401 " + label), door.refusals);
        assertTrue(door.refusals.stream().noneMatch(line -> line.contains(token)), door.refusals::toString);
    }

    private UpgradeGate gate(TokenKey key) {
        return new UpgradeGate(
                door,
                new HandshakeRules(OriginPolicy.parse("", false)),
                new ConnectionCaps(3, 2),
                new Forwarding(TrustedProxies.NONE),
                7,
                Optional.of(key));
    }

    private String write(String name, String content) throws Exception {
        return Files.writeString(dir.resolve(name), content).toString();
    }

    private static Date ago(long seconds) {
        return Date.from(Instant.now().minusSeconds(seconds));
    }

    private static Verdict.Admit admit(UpgradeGate gate, UpgradeRequest request) {
        return assertInstanceOf(Verdict.Admit.class, gate.decide(request));
    }

    private static Verdict.Refuse refuse(UpgradeGate gate, UpgradeRequest request) {
        return assertInstanceOf(Verdict.Refuse.class, gate.decide(request));
    }

    private static UpgradeRequest withQuery(String query) {
        return request(valid(), query);
    }

    private static UpgradeRequest withBearer(String authorization) {
        Map<String, List<String>> headers = valid();
        headers.put("Authorization", List.of(authorization));
        return request(headers, null);
    }

    static UpgradeRequest request(Map<String, List<String>> headers, String query) {
        UpgradeRequest plain = UpgradeGateTest.request("GET", headers, PEER);
        return new UpgradeRequest(plain.method(), plain.path(), plain.headers(), plain.peer(), false, query);
    }

    /** What a non-browser client sends. */
    static Map<String, List<String>> valid() {
        return ValidUpgrades.headers();
    }
}

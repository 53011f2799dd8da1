package dev.chorus.handshake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.identity.TokenKey;
import dev.chorus.settings.OriginPolicy;
import dev.chorus.settings.TrustedProxies;
import dev.chorus.testing.Tokens;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The token is the client's to write: whatever it puts in {@code ?token=} and in {@code Authorization}, the gate
 * answers with one of its documented refusals (401, or 400 for two tokens), never admits, never throws, never
 * takes a place under the caps, and never logs what it was given.
 */
class UpgradeGateTokenProperties {

    private static final Set<String> LABELS = Set.of(
            "missing token",
            "malformed token",
            "invalid token",
            "expired token",
            "token not yet valid",
            "token claims invalid",
            "more than one token");

    @Property
    void arbitraryTokensNeverAdmitAndAreRefusedAsDocumented(
            @ForAll("tokens") Optional<String> query, @ForAll("authorizations") Optional<String> authorization) {
        GateDoor door = new GateDoor();
        ConnectionCaps caps = new ConnectionCaps(100, 100);
        UpgradeGate gate = new UpgradeGate(
                door,
                new HandshakeRules(OriginPolicy.parse("", false)),
                caps,
                new Forwarding(TrustedProxies.NONE),
                5,
                Optional.of(TokenKey.parse(Tokens.SECRET)));
        Map<String, List<String>> headers = UpgradeGateTokenTest.valid();
        authorization.ifPresent(value -> headers.put("Authorization", List.of(value)));

        Verdict verdict = gate.decide(UpgradeGateTokenTest.request(
                headers, query.map(q -> "token=" + q).orElse(null)));

        Statistics.label("refusal").collect(verdict instanceof Verdict.Refuse r ? r.reason() : verdict.toString());
        Verdict.Refuse refused = (Verdict.Refuse) verdict;
        assertTrue(refused.status() == 401 || refused.status() == 400, refused::toString);
        assertTrue(LABELS.contains(refused.reason()), refused::toString);
        assertTrue(refused.headers().get("WWW-Authenticate").startsWith("Bearer realm=\"chorus\""), refused::toString);
        assertEquals(0, caps.total());
        assertEquals(1, door.refusals.size());
        String logged = door.refusals.get(0);
        query.filter(q -> q.length() > 3).ifPresent(q -> assertTrue(!logged.contains(q), logged));
    }

    @Provide
    Arbitrary<Optional<String>> tokens() {
        return Arbitraries.oneOf(anyString(), jwtLike()).optional(0.8);
    }

    @Provide
    Arbitrary<Optional<String>> authorizations() {
        Arbitrary<String> bearer = Arbitraries.oneOf(anyString(), jwtLike()).map(token -> "Bearer " + token);
        return Arbitraries.oneOf(bearer, anyString()).optional(0.5);
    }

    private static Arbitrary<String> anyString() {
        return Arbitraries.strings().ofMaxLength(200);
    }

    /** Three dot-separated parts of base64url-ish text, some of them real JSON headers: nearer to a JWT. */
    private static Arbitrary<String> jwtLike() {
        Arbitrary<String> part = Arbitraries.strings()
                .withCharRange('a', 'z')
                .withCharRange('A', 'Z')
                .withCharRange('0', '9')
                .withChars('-', '_', '=')
                .ofMaxLength(60);
        Arbitrary<String> header =
                Arbitraries.of("eyJhbGciOiJIUzI1NiJ9", "eyJhbGciOiJub25lIn0", "eyJhbGciOiJSUzI1NiJ9", "e30", "bnVsbA");
        return Arbitraries.oneOf(header, part)
                .flatMap(h -> part.list().ofMinSize(1).ofMaxSize(4).map(rest -> h + "." + String.join(".", rest)));
    }
}

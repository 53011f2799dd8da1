package dev.chorus.handshake;

import dev.chorus.identity.Identity;
import dev.chorus.identity.TokenRefusedException;
import dev.chorus.identity.TokenVerifier;
import dev.chorus.naming.DisplayName;
import dev.chorus.naming.RoomName;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The gate's identity step (the {@code jwt-key} setting): the request must carry a token, in {@code ?token=} or
 * in {@code Authorization: Bearer}, that {@link TokenVerifier} accepts and whose {@code rooms} claim, if any,
 * names the room asked for. Refusals follow RFC 6750: 401 with {@code WWW-Authenticate: Bearer} (and {@code
 * error="invalid_token"} when a token came but was bad), 400 {@code invalid_request} for more than one token,
 * 403 {@code insufficient_scope} for a room the token does not name, and 401 {@code invalid_token} for a {@code
 * name} claim that is no {@link DisplayName}. No label it gives ever holds the token.
 */
final class TokenCheck {

    /** A request with no token at all. */
    static final String MISSING = "missing token";

    /** A request with a token in more than one place (RFC 6750 allows one). */
    static final String SEVERAL = "more than one token";

    /** A valid token whose {@code rooms} claim leaves out the room asked for. */
    static final String ROOM = "room not in token";

    /** A valid token whose {@code name} claim is no display name, before the reason. */
    static final String NAME = "invalid name in token: ";

    private static final String BEARER = "Bearer";
    private static final String CHALLENGE = BEARER + " realm=\"chorus\"";

    private final TokenVerifier verifier;

    TokenCheck(TokenVerifier verifier) {
        this.verifier = verifier;
    }

    /**
     * What the request's one token proves, or why it is refused; never throws on what a client wrote.
     *
     * @param room the room the request asks for: the token's {@code rooms} claim must name it
     */
    Result check(UpgradeRequest request, RoomName room) {
        List<String> tokens = tokens(request);
        if (tokens.isEmpty()) {
            return new Refused(new Rejection(401, MISSING, Map.of("WWW-Authenticate", CHALLENGE)));
        }
        if (tokens.size() > 1) {
            return new Refused(challenge(400, SEVERAL, "invalid_request"));
        }
        Identity identity;
        try {
            identity = verifier.verify(tokens.get(0));
        } catch (TokenRefusedException e) {
            return new Refused(challenge(401, e.getMessage(), "invalid_token"));
        }
        if (!identity.mayJoin(room.toString())) {
            return new Refused(challenge(403, ROOM, "insufficient_scope"));
        }
        Optional<String> badName =
                identity.name().flatMap(name -> DisplayName.read(name).refusal());
        if (badName.isPresent()) {
            return new Refused(challenge(401, NAME + badName.get(), "invalid_token"));
        }
        return new Verified(identity);
    }

    /** Every token the request carries: each {@code token} query parameter and each Bearer credential. */
    static List<String> tokens(UpgradeRequest request) {
        List<String> tokens = queryTokens(request.query());
        List<String> authorizations = request.headers().apply("Authorization");
        if (authorizations != null) {
            for (String value : authorizations) {
                if (value != null
                        && value.length() > BEARER.length()
                        && value.regionMatches(true, 0, BEARER, 0, BEARER.length())
                        && value.charAt(BEARER.length()) == ' ') {
                    tokens.add(value.substring(BEARER.length()).strip());
                }
            }
        }
        return tokens;
    }

    /** Every {@code token} parameter of {@code query} (undecoded, null if none), %-decoded. */
    static List<String> queryTokens(String query) {
        List<String> tokens = new ArrayList<>();
        Asked.values(query, "token").forEach(value -> tokens.add(decoded(value)));
        return tokens;
    }

    /** A query value, %-decoded; one that does not decode stays as it came (and then fails as a token). */
    private static String decoded(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value;
        }
    }

    private static Rejection challenge(int status, String label, String error) {
        return new Rejection(status, label, Map.of("WWW-Authenticate", CHALLENGE + ", error=\"" + error + "\""));
    }

    /** What {@link #check} found. */
    sealed interface Result {}

    /** The token proves {@code identity}. */
    record Verified(Identity identity) implements Result {}

    /** Turned away, for {@code why}. */
    record Refused(Rejection why) implements Result {}
}

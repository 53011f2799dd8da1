package dev.chorus.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks one token against a {@link TokenKey}: a signed JWT (never {@code alg: none}) in one of the key's
 * algorithms, whose signature holds, with a {@code sub} and an {@code exp} claim, not expired and not before its
 * {@code nbf} (each with {@link #CLOCK_SKEW_SECONDS} of slack). Its {@code name} must be a string and its
 * {@code rooms} a list of strings, if present. Thread-safe: one per server.
 */
public final class TokenVerifier {

    /** How far the server's clock and the issuer's may disagree when {@code exp} and {@code nbf} are checked. */
    public static final int CLOCK_SKEW_SECONDS = 60;

    /** A token that is not a JWT at all. */
    public static final String MALFORMED = "malformed token";

    /** A token whose signature, algorithm ({@code none} included) or key does not check out. */
    public static final String INVALID = "invalid token";

    /** A token past its {@code exp}. */
    public static final String EXPIRED = "expired token";

    /** A token before its {@code nbf}. */
    public static final String NOT_YET_VALID = "token not yet valid";

    /** A token without {@code sub} or {@code exp}, or with claims of the wrong type. */
    public static final String BAD_CLAIMS = "token claims invalid";

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();

    public TokenVerifier(TokenKey key) {
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(key.algorithms(), key.keys()));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(null, Set.of("sub", "exp"));
        claims.setMaxClockSkew(CLOCK_SKEW_SECONDS);
        processor.setJWTClaimsSetVerifier(claims);
    }

    /**
     * The identity {@code token} proves.
     *
     * @throws TokenRefusedException if it proves none, with one of this class's labels as its message
     */
    public Identity verify(String token) throws TokenRefusedException {
        JWTClaimsSet claims;
        try {
            claims = processor.process(token, null);
        } catch (ParseException e) {
            throw new TokenRefusedException(MALFORMED);
        } catch (ExpiredJWTException e) {
            throw new TokenRefusedException(EXPIRED);
        } catch (BadJWTException e) {
            boolean early = e.getMessage() != null && e.getMessage().contains("before use time");
            throw new TokenRefusedException(early ? NOT_YET_VALID : BAD_CLAIMS);
        } catch (BadJOSEException | JOSEException e) {
            throw new TokenRefusedException(INVALID);
        } catch (RuntimeException e) {
            // nimbus reads untrusted input; whatever it trips over, the answer is the same refusal.
            throw new TokenRefusedException(MALFORMED);
        }
        return identity(claims);
    }

    private static Identity identity(JWTClaimsSet claims) throws TokenRefusedException {
        try {
            String subject = claims.getSubject();
            if (subject == null || subject.isBlank()) {
                throw new TokenRefusedException(BAD_CLAIMS);
            }
            List<String> rooms = claims.getStringListClaim("rooms");
            if (rooms != null && rooms.contains(null)) {
                throw new TokenRefusedException(BAD_CLAIMS);
            }
            return new Identity(
                    subject, Optional.ofNullable(claims.getStringClaim("name")), Optional.ofNullable(rooms));
        } catch (ParseException e) {
            throw new TokenRefusedException(BAD_CLAIMS);
        }
    }
}

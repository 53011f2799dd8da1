package dev.chorus.notation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chorus.notation.SentinelUri.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The Sentinel URI parser against anything an operator might type: a parsed address or the documented
 * {@link IllegalArgumentException} with a one-line message that never repeats the password, and nothing else;
 * and every well-formed URI parses to exactly what it says.
 */
class SentinelUriProperties {

    private static final String PASSWORD = "Pa55w0rd";

    @Property
    void anyTextParsesOrIsRefusedWithTheDocumentedError(@ForAll("uriLikeText") String text) {
        outcome(text);
    }

    @Property
    void aRefusalNeverRepeatsThePassword(@ForAll("uriLikeText") String rest) {
        String text = "redis-sentinel://user:" + PASSWORD + "@" + rest;
        if (outcome(text) instanceof IllegalArgumentException refused) {
            assertFalse(refused.getMessage().contains(PASSWORD), refused.getMessage());
        }
    }

    @Property
    void aWellFormedUriParsesToWhatItSays(@ForAll("wellFormed") SentinelUri expected) {
        assertEquals(expected, SentinelUri.parse(written(expected)), written(expected));
    }

    /** Parses {@code text}: the address, or the documented exception, which is returned. */
    private static Object outcome(String text) {
        try {
            SentinelUri uri = SentinelUri.parse(text);
            assertFalse(uri.sentinels().isEmpty(), text);
            assertFalse(uri.master().isEmpty(), text);
            uri.sentinels().forEach(sentinel -> assertTrue(sentinel.port() >= 1 && sentinel.port() <= 65_535, text));
            return uri;
        } catch (IllegalArgumentException e) {
            assertEquals(IllegalArgumentException.class, e.getClass(), () -> "not the documented error: " + e);
            assertFalse(e.getMessage().isBlank(), text);
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return e;
        } catch (RuntimeException e) {
            return fail("'" + text + "' gave " + e, e);
        }
    }

    private static String written(SentinelUri uri) {
        StringBuilder text = new StringBuilder("redis-sentinel://");
        uri.password().ifPresent(password -> text.append(
                        uri.user().map(SentinelUriProperties::escaped).orElse(""))
                .append(':')
                .append(escaped(password))
                .append('@'));
        text.append(String.join(
                ",", uri.sentinels().stream().map(Endpoint::toString).toList()));
        uri.database().ifPresent(database -> text.append('/').append(database));
        return text.append('#').append(escaped(uri.master())).toString();
    }

    private static String escaped(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Mostly URI-shaped: the scheme, pieces of a good URI and stray characters, in any order. */
    @Provide
    Arbitrary<String> uriLikeText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(
                        "redis-sentinel://",
                        "redis://",
                        "h1",
                        "127.0.0.1",
                        "[::1]",
                        ":26379",
                        ":0",
                        ":99999",
                        ",",
                        "/",
                        "/3",
                        "#",
                        "#m",
                        "@",
                        ":",
                        "%41",
                        "%",
                        "?",
                        "[",
                        "]",
                        " ",
                        "ü",
                        "\n"),
                Arbitraries.strings().ofMaxLength(4));
        return Combinators.combine(
                        Arbitraries.of("redis-sentinel://", ""), piece.list().ofMaxSize(10))
                .as((start, pieces) -> start + String.join("", pieces));
    }

    @Provide
    Arbitrary<SentinelUri> wellFormed() {
        Arbitrary<Endpoint> endpoint = Combinators.combine(
                        Arbitraries.of("127.0.0.1", "localhost", "sentinel-1.example", "10.0.0.7"),
                        Arbitraries.integers().between(1, 65_535))
                .as(Endpoint::new);
        Arbitrary<List<Endpoint>> endpoints = endpoint.list().ofMinSize(1).ofMaxSize(4);
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(12);
        return Combinators.combine(
                        endpoints,
                        text,
                        text.optional(),
                        text.optional(),
                        Arbitraries.integers().between(0, 15).optional())
                .as((sentinels, master, user, password, database) -> new SentinelUri(
                        sentinels,
                        master,
                        password.isPresent() ? user : Optional.empty(),
                        password,
                        database.map(OptionalInt::of).orElse(OptionalInt.empty())));
    }
}

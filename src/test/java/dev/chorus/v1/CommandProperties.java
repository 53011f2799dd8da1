package dev.chorus.v1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.chorus.protocol.CloseReasons;
import jakarta.websocket.CloseReason;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The chorus.v1 command parser against arbitrary text: it gives a valid command or a {@link ProtocolViolation}
 * with one of its documented closes, and nothing else ever escapes it.
 */
class CommandProperties {

    private static final int TRIES = 300;

    private static final Set<CloseReason> DOCUMENTED =
            Set.of(CloseReasons.INVALID_COMMAND, CloseReasons.UNKNOWN_COMMAND, CloseReasons.UNENCODABLE_TEXT);

    @Property(tries = TRIES)
    void anyTextIsACommandOrADocumentedViolation(@ForAll("anyText") String text) {
        outcome(text);
    }

    @Property(tries = TRIES)
    void jsonIshTextIsACommandOrADocumentedViolation(@ForAll("jsonIsh") String text) {
        outcome(text);
    }

    /** One level of nesting: what opens it, what the innermost value is, what closes it. */
    record Nesting(String open, String innermost, String close) {}

    @Property(tries = 40)
    void deepNestingIsACommandOrADocumentedViolation(
            @ForAll @IntRange(min = 1, max = 30_000) int depth, @ForAll("nestings") Nesting nesting) {
        String opened = nesting.open().repeat(depth);
        String closed = opened + nesting.innermost() + nesting.close().repeat(depth);
        outcome(opened);
        outcome(closed);
        outcome("{\"type\":\"say\",\"text\":\"x\",\"n\":" + opened);
        outcome("{\"type\":\"say\",\"text\":\"x\",\"n\":" + closed + "}");
        outcome("{\"type\":\"history\",\"n\":" + closed + "}");
    }

    @Property(tries = TRIES)
    void aSayOfEncodableTextCarriesItAndOneWithALoneSurrogateIsRefusedWith1007(@ForAll("sayText") String said) {
        Object outcome = outcome("{\"type\":\"say\",\"text\":\"" + escaped(said) + "\"}");
        if (hasLoneSurrogate(said)) {
            assertSame(CloseReasons.UNENCODABLE_TEXT, outcome);
            assertEquals(1007, CloseReasons.UNENCODABLE_TEXT.getCloseCode().getCode());
        } else {
            assertEquals(new Command.Say(said), outcome);
        }
    }

    /** The command, or the close of the violation; anything else thrown fails the property. */
    private static Object outcome(String text) {
        try {
            Command command = Command.parse(text);
            if (command instanceof Command.Say say) {
                assertTrue(!hasLoneSurrogate(say.text()), "a said text that UTF-8 cannot carry");
            }
            return command;
        } catch (ProtocolViolation violation) {
            assertTrue(DOCUMENTED.contains(violation.closeReason()), () -> "undocumented " + violation.closeReason());
            return violation.closeReason();
        } catch (RuntimeException | Error e) {
            return fail("the parser threw " + e + " for " + abbreviated(text), e);
        }
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} as the inside of a JSON string: every non-ASCII or control character as a \\u escape. */
    private static String escaped(String text) {
        StringBuilder json = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7E) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.toString();
    }

    private static String abbreviated(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "… (" + text.length() + " chars)";
    }

    @Provide
    Arbitrary<String> anyText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().all().ofMaxLength(100),
                Arbitraries.strings()
                        .withChars("{}[]\":,\\u0123456789abcdefe+-. \u0000tnrsy")
                        .ofMaxLength(100));
    }

    /** Text assembled from JSON's pieces and its traps: huge numbers, bad escapes, lone surrogates, NUL, nesting. */
    @Provide
    Arbitrary<String> jsonIsh() {
        List<String> pieces = List.of(
                "{",
                "}",
                "[",
                "]",
                ":",
                ",",
                " ",
                "\"",
                "\"type\"",
                "\"say\"",
                "\"history\"",
                "\"text\"",
                "\"x\"",
                "{\"type\":\"say\",\"text\":",
                "{\"type\":\"history\"",
                "\"\\ud800\"",
                "\"\\udc00\\ud800\"",
                "\"\\ud83d\\ude00\"",
                "\"\\u0000\"",
                "\u0000",
                "\"\\x\"",
                "\"\\u12\"",
                "\"\\uZZZZ\"",
                "\\",
                "\"\t\"",
                "1e999999999",
                "1E-2147483649",
                "-0",
                "123456789012345678901234567890123456789",
                "0.0000001e-99999",
                "2e2147483648",
                "01",
                "-",
                "1.",
                ".5",
                "NaN",
                "Infinity",
                "true",
                "false",
                "null",
                "tru",
                "\ufeff",
                "\ud800",
                "\"\ud800\"",
                "😀");
        return Arbitraries.of(pieces).list().ofMaxSize(30).map(list -> String.join("", list));
    }

    @Provide
    Arbitrary<Nesting> nestings() {
        return Arbitraries.of(
                new Nesting("[", "", "]"),
                new Nesting("{\"a\":", "1", "}"),
                new Nesting("[{\"b\":", "\"\\ud800\"", "}]"));
    }

    @Provide
    Arbitrary<String> sayText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60),
                Arbitraries.strings().all().ofMaxLength(30),
                Arbitraries.of("\ud800", "\udc00", "a\ud83d", "\ude00b", "\ud83d\ude00", "\udc00\ud800", "\u0000", ""),
                Arbitraries.strings().withCharRange('\ud7f0', '\ue010').ofMaxLength(8));
    }
}

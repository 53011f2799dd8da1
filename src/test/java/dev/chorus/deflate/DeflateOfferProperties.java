package dev.chorus.deflate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The offer parser against whatever a client may put in its Sec-WebSocket-Extensions header. */
class DeflateOfferProperties {

    @Property(tries = 500)
    void anyHeaderIsReadWithoutFailingAndNothingIsAcceptedWithoutAnOffer(@ForAll("headers") List<String> values) {
        if (DeflateOffer.anyAcceptable(values)) {
            assertTrue(
                    String.join(",", values).toLowerCase(Locale.ROOT).contains(DeflateOffer.NAME),
                    () -> "accepted without an offer: " + values);
        }
    }

    @Property(tries = 300)
    void anAcceptableOfferStaysAcceptableWhateverComesAfterIt(
            @ForAll("headers") List<String> values, @ForAll("headers") List<String> more) {
        if (DeflateOffer.anyAcceptable(values)) {
            List<String> longer = new ArrayList<>(values);
            longer.addAll(more);
            assertTrue(DeflateOffer.anyAcceptable(longer), () -> "lost among " + longer);
        }
    }

    @Property(tries = 300)
    void anOfferNarrowingTheServersWindowIsNeverAccepted(@ForAll("narrowing") String offer) {
        assertFalse(DeflateOffer.anyAcceptable(List.of(offer)));
    }

    /** Header lines built from the pieces that matter, and arbitrary characters between them. */
    @Provide
    Arbitrary<List<String>> headers() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.of(
                        "permessage-deflate",
                        "PERMESSAGE-DEFLATE",
                        "client_no_context_takeover",
                        "server_no_context_takeover",
                        "client_max_window_bits",
                        "server_max_window_bits",
                        "=",
                        "15",
                        "8",
                        "\"",
                        ";",
                        ",",
                        " "),
                Arbitraries.strings().ofMaxLength(6));
        return piece.list()
                .ofMaxSize(12)
                .map(pieces -> String.join("", pieces))
                .list()
                .ofMaxSize(3);
    }

    @Provide
    Arbitrary<String> narrowing() {
        Arbitrary<String> others = Arbitraries.of(
                        "", "; client_no_context_takeover", "; server_no_context_takeover", "; client_max_window_bits")
                .list()
                .uniqueElements()
                .map(list -> String.join("", list));
        return Arbitraries.integers()
                .between(8, 14)
                .flatMap(bits -> others.map(rest -> "permessage-deflate" + rest + "; server_max_window_bits=" + bits));
    }
}

package dev.chorus.deflate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which permessage-deflate offers Chorus accepts (RFC 7692 §5, §7.1), as browsers and libraries send them. */
class DeflateOfferTest {

    private static boolean accepts(String... values) {
        return DeflateOffer.anyAcceptable(List.of(values));
    }

    @Test
    void theOffersOfBrowsersAndLibrariesAreAccepted() {
        assertTrue(accepts("permessage-deflate; client_max_window_bits"));
        assertTrue(accepts("permessage-deflate"));
        assertTrue(accepts("permessage-deflate; client_no_context_takeover; server_no_context_takeover"));
        assertTrue(accepts("permessage-deflate; client_max_window_bits=10; server_max_window_bits=15"));
    }

    @Test
    void anOfferThatNarrowsTheServersWindowIsDeclinedButTheNextOneCounts() {
        assertFalse(accepts("permessage-deflate; server_max_window_bits=10"));
        assertTrue(accepts("permessage-deflate; server_max_window_bits=10, permessage-deflate"));
        assertTrue(accepts("permessage-deflate; server_max_window_bits=\"15\""));
    }

    @Test
    void unknownDuplicatedOrMalformedParametersDeclineTheOffer() {
        assertFalse(accepts("permessage-deflate; foo"));
        assertFalse(accepts("permessage-deflate; client_no_context_takeover; client_no_context_takeover"));
        assertFalse(accepts("permessage-deflate; client_max_window_bits=7"));
        assertFalse(accepts("permessage-deflate; client_max_window_bits=08"));
        assertFalse(accepts("permessage-deflate; server_no_context_takeover=1"));
        assertFalse(accepts("permessage-deflate; client_max_window_bits=\"1"));
        assertFalse(accepts("x-webkit-deflate-frame"));
    }

    @Test
    void offersMaySpreadOverSeveralHeaderLines() {
        assertTrue(accepts("foo, bar", "PerMessage-Deflate ; client_no_context_takeover"));
    }
}

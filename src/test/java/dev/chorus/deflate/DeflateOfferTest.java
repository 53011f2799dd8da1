package dev.chorus.deflate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which permessage-deflate offers Chorus accepts (RFC 7692 §5, §7.1), as browsers and libraries send them. */
class DeflateOfferTest {

    private static Optional<DeflateOffer> choose(String... values) {
        return DeflateOffer.choose(List.of(values));
    }

    @Test
    void aBrowsersOfferIsAcceptedKeepingTheClientsContext() {
        assertEquals(Optional.of(new DeflateOffer(false)), choose("permessage-deflate; client_max_window_bits"));
    }

    @Test
    void anOfferOfClientNoContextTakeoverIsKept() {
        assertEquals(
                Optional.of(new DeflateOffer(true)),
                choose("permessage-deflate; client_no_context_takeover; server_no_context_takeover"));
    }

    @Test
    void anOfferThatNarrowsTheServersWindowIsDeclinedForTheNextOne() {
        assertEquals(
                Optional.of(new DeflateOffer(false)),
                choose("permessage-deflate; server_max_window_bits=10, permessage-deflate"));
        assertEquals(Optional.empty(), choose("permessage-deflate; server_max_window_bits=10"));
        assertEquals(Optional.of(new DeflateOffer(false)), choose("permessage-deflate; server_max_window_bits=\"15\""));
    }

    @Test
    void unknownDuplicatedOrMalformedParametersDeclineTheOffer() {
        assertEquals(Optional.empty(), choose("permessage-deflate; foo"));
        assertEquals(
                Optional.empty(), choose("permessage-deflate; client_no_context_takeover; client_no_context_takeover"));
        assertEquals(Optional.empty(), choose("permessage-deflate; client_max_window_bits=7"));
        assertEquals(Optional.empty(), choose("permessage-deflate; client_max_window_bits=08"));
        assertEquals(Optional.empty(), choose("permessage-deflate; server_no_context_takeover=1"));
        assertEquals(Optional.empty(), choose("x-webkit-deflate-frame"));
    }

    @Test
    void offersMaySpreadOverSeveralHeaderLines() {
        assertEquals(
                Optional.of(new DeflateOffer(true)),
                choose("foo, bar", "PerMessage-Deflate ; client_no_context_takeover"));
    }

    @Test
    void theOfferHandedToTyrusIsTheAcceptedOneAlone() {
        assertEquals("permessage-deflate; client_no_context_takeover", new DeflateOffer(true).header());
        assertEquals("permessage-deflate", new DeflateOffer(false).header());
    }
}

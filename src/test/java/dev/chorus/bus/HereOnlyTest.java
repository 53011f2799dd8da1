package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The numbers of events a node delivered alone: each skipped once when read back, and never more than a bound. */
class HereOnlyTest {

    @Test
    void anEventDeliveredHereIsSkippedOnceWhenRedisTookItAfterAll() {
        HereOnly hereOnly = new HereOnly(10);
        hereOnly.add(3);
        assertTrue(hereOnly.readBack(3));
        assertFalse(hereOnly.readBack(3));
    }

    @Test
    void anEventTheReaderReadBackBeforeItsAnswerWasGivenUpOnIsNotHandedOutAgain() {
        HereOnly hereOnly = new HereOnly(10);
        assertFalse(hereOnly.readBack(7), "Redis took 7 and the reader handed it out; its answer is still late");
        assertFalse(hereOnly.add(7), "the publisher gives up on 7's answer: it must not hand 7 out a second time");
        assertFalse(hereOnly.add(6), "nor one before it");
        assertTrue(hereOnly.add(8), "a later one was never read back: it is handed out here");
        assertEquals(1, hereOnly.size());
    }

    @Test
    void readingBackOneOfThisNodesEventsSettlesEveryOlderOne() {
        HereOnly hereOnly = new HereOnly(10);
        hereOnly.add(1);
        hereOnly.add(2);
        hereOnly.add(5);
        assertFalse(hereOnly.readBack(4));
        assertEquals(1, hereOnly.size());
        assertTrue(hereOnly.readBack(5));
        assertEquals(0, hereOnly.size());
    }

    @Test
    void noMoreThanItsLimitAreKeptTheOldestGoingFirst() {
        HereOnly hereOnly = new HereOnly(3);
        for (long number = 1; number <= 1_000; number++) {
            hereOnly.add(number);
        }
        assertEquals(3, hereOnly.size());
        assertTrue(hereOnly.readBack(998));
    }
}

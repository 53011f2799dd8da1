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

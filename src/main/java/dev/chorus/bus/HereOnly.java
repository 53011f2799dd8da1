package dev.chorus.bus;

import java.util.TreeSet;

/**
 * The numbers of this node's events that it handed out here alone because Redis's answer was lost: if Redis took
 * one after all, the reader skips it, so no client hears it twice. Bounded: this node's events enter the stream in
 * number order, so reading one back settles every number below it; and at most {@code limit} are kept, the
 * oldest dropped first (the stream keeps no more entries than that anyway).
 */
final class HereOnly {

    private final TreeSet<Long> numbers = new TreeSet<>(); // guarded by this
    private final long limit;
    /** The highest of this node's numbers the reader has read back (0: none yet). Guarded by this. */
    private long readBackUpTo;

    HereOnly(long limit) {
        this.limit = limit;
    }

    /**
     * Event {@code number} is to be handed out here, and Redis may have taken it too. False if the reader has
     * already read it back (Redis took it, and only its answer came too late): then it was handed out from the
     * stream, and handing it out again would make every client here hear it twice.
     */
    synchronized boolean add(long number) {
        if (number <= readBackUpTo) {
            return false;
        }
        numbers.add(number);
        while (numbers.size() > limit) {
            numbers.pollFirst();
        }
        return true;
    }

    /** This node's event {@code number} came back from the stream: whether it was handed out here already. */
    synchronized boolean readBack(long number) {
        readBackUpTo = Math.max(readBackUpTo, number);
        if (numbers.isEmpty()) {
            return false;
        }
        boolean handedOut = numbers.remove(number);
        numbers.headSet(number).clear();
        return handedOut;
    }

    /** How many are kept now. */
    synchronized int size() {
        return numbers.size();
    }
}

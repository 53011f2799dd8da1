package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The benchmark reads a server's threads and RSS out of /proc/PID/status. */
class ProcStatusTest {

    private static final String STATUS =
            String.join("\n", "Name:\tjava", "VmRSS:\t  123456 kB", "Threads:\t42", "SigQ:\t0/95000", "");

    @Test
    void aFieldReadsItsFirstNumberWithoutItsUnit() {
        assertEquals(OptionalLong.of(42), ProcStatus.field(STATUS, "Threads"));
        assertEquals(OptionalLong.of(123456), ProcStatus.field(STATUS, "VmRSS"));
    }

    @Test
    void aMissingOrNonNumericFieldReadsEmpty() {
        assertEquals(OptionalLong.empty(), ProcStatus.field(STATUS, "VmSwap"));
        assertEquals(OptionalLong.empty(), ProcStatus.field(STATUS, "SigQ"));
    }
}

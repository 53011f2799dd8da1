package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The churn soak's mix of cycles: every kind in its share of every thousand, the rarest first. */
class ChurnKindTest {

    @Test
    void theMixHasEveryKindInItsShareOfEveryHundredCycles() {
        Map<ChurnKind, Integer> counts = new EnumMap<>(ChurnKind.class);
        for (int cycle = 0; cycle < 3000; cycle++) {
            counts.merge(ChurnKind.of(cycle), 1, Integer::sum);
        }
        for (ChurnKind kind : ChurnKind.values()) {
            assertEquals(3 * kind.perThousand(), counts.get(kind), kind.toString());
        }
        assertEquals(ChurnKind.STALLED_READER, ChurnKind.of(0));
    }
}

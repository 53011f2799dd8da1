package dev.chorus.benchmark;

/**
 * What one connect/close cycle of the churn soak does to the server, and the share of cycles that do it: the
 * mix repeats every 1000 cycles, so any prefix of a run has about these shares.
 */
enum ChurnKind {
    /** Upgrade, every other one says one line, close 1000 and wait for the server's close frame and its FIN. */
    CLEAN(500),
    /** Upgrade, then close with SO_LINGER 0: the server sees a reset instead of a close. */
    RESET(250),
    /** Send the first lines of the upgrade request and disconnect. */
    HALF_OPEN_DROPPED(150),
    /** Send the first lines of the upgrade request and wait until the server's handshake timeout drops it. */
    HALF_OPEN_STALLED(98),
    /**
     * Upgrade with a tiny receive buffer and never read again, until the soak ends: a slow consumer to evict. Rare,
     * because the server's kernel takes up to its largest send buffer (4 MiB by default) for each before the
     * server sees it stall, and keeps it until the connection is gone.
     */
    STALLED_READER(2);

    private final int perThousand;

    ChurnKind(int perThousand) {
        this.perThousand = perThousand;
    }

    int perThousand() {
        return perThousand;
    }

    /**
     * The kind of cycle {@code cycle} (from 0): within every 1000 the rare kinds come first, so the first stalled
     * reader is cycle 0 and a short run still has one of each.
     */
    static ChurnKind of(int cycle) {
        int slot = cycle % 1000;
        ChurnKind[] rarestFirst = {STALLED_READER, HALF_OPEN_STALLED, HALF_OPEN_DROPPED, RESET, CLEAN};
        for (ChurnKind kind : rarestFirst) {
            if (slot < kind.perThousand) {
                return kind;
            }
            slot -= kind.perThousand;
        }
        throw new AssertionError("the shares add up to 1000");
    }

    /** How the report names it: {@code half-open stalled}. */
    @Override
    public String toString() {
        return name().toLowerCase(java.util.Locale.ROOT)
                .replace("half_open", "half-open")
                .replace('_', ' ');
    }
}

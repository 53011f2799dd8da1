package dev.chorus.containers;

import dev.chorus.contract.LimitsContract;
import jakarta.websocket.CloseReason;

/** The limits contract on a managed Payara Server 6 (Tyrus inside). */
class LimitsOnPayaraIT extends DeployedWar implements LimitsContract {

    /**
     * Pinned: Payara's Tyrus reads a whole frame before the application sees any of it, and gives up with its
     * own close once a frame outgrows its 4 MiB incoming buffer; a WAR cannot look at frame headers first.
     */
    @Override
    public CloseReason aFiveMebibyteFrameCloses() {
        return new CloseReason(CloseReason.CloseCodes.UNEXPECTED_CONDITION, "Buffer overflow.");
    }
}

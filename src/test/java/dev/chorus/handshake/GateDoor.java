package dev.chorus.handshake;

import dev.chorus.lifecycle.Admission.Refusal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A room's door for gate tests: says what it is told to, and remembers the refusals it was told of. */
final class GateDoor implements UpgradeGate.Door {

    volatile Optional<Refusal> closed = Optional.empty();
    final List<String> refusals = new ArrayList<>();
    int asked;

    @Override
    public Optional<Refusal> admit() {
        asked++;
        return closed;
    }

    @Override
    public synchronized void refusedUpgrade(String address, Rejection refused) {
        refusals.add(address + " " + refused.status() + " " + refused.reason());
    }
}

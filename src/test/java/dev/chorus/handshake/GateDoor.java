package dev.chorus.handshake;

import dev.chorus.lifecycle.Admission.Refusal;
import dev.chorus.naming.RoomName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** A room's door for gate tests: says what it is told to, and remembers the refusals it was told of. */
final class GateDoor implements UpgradeGate.Door {

    volatile Optional<Refusal> closed = Optional.empty();
    volatile Predicate<RoomName> holds = room -> true;
    final List<String> refusals = new ArrayList<>();
    int asked;

    @Override
    public Optional<Refusal> admit() {
        asked++;
        return closed;
    }

    @Override
    public boolean canHold(RoomName room) {
        return holds.test(room);
    }

    @Override
    public synchronized void refusedUpgrade(String address, Rejection refused) {
        refusals.add(address + " " + refused.status() + " " + refused.reason());
    }
}

package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.chat.ChatLines;
import java.net.URI;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The rooms workload counts what reaches a room from another one, and adds the rooms' figures up. */
class RoomsFiguresTest {

    private static final long NOW = System.nanoTime();

    @Test
    void aBenchmarkMessageFromAnotherRoomsSenderIsCountedAsForeignAndNotDelivered() {
        Measurement measurement = measuring(5);
        Tally tally = new Tally();
        Arrivals arrivals = new Arrivals(Dialect.PLAIN, measurement, tally);
        arrive(arrivals, ChatLines.said(9, Payload.text(Dialect.PLAIN, 0, NOW, 64)));
        assertEquals(1, tally.foreignCount());
        assertEquals(0, tally.others());
        assertEquals(0, measurement.receivedIn(0));
        arrive(arrivals, ChatLines.said(5, Payload.text(Dialect.PLAIN, 0, NOW, 64)));
        assertEquals(1, measurement.receivedIn(0));
        assertEquals(1, tally.foreignCount());
    }

    @Test
    void greetingsAndHellosPastARoomsOwnAreCountedAsBeyondItAndDeliveriesAddUp() {
        RoomsFigures figures = new RoomsFigures(2, 3, 1);
        Tally own = new Tally();
        Tally leaky = new Tally();
        for (int i = 0; i < RoomsFigures.greetings(3); i++) {
            own.greeting();
            leaky.greeting();
        }
        leaky.greeting(); // another room's join
        for (int i = 0; i < 3; i++) { // the room's one sender's hello, to each of its three clients
            own.other();
            leaky.other();
        }
        leaky.other(); // another room's hello
        leaky.foreign();
        Measurement first = delivering(1, 4);
        Measurement second = delivering(2, 2);
        List<Figure> rows = figures.of(
                0.5,
                List.of(
                        new RoomsFigures.OfRoom("bench-0", 3, first, own),
                        new RoomsFigures.OfRoom("bench-1", 3, second, leaky)),
                new Usage(NOW, OptionalDouble.of(1), 0, OptionalLong.empty()),
                new Usage(NOW, OptionalDouble.of(2), 0, OptionalLong.empty()));
        assertEquals(1, value(rows, "isolation: other rooms' messages received"));
        assertEquals(2, value(rows, "isolation: greetings and hellos beyond a room's own"));
        assertEquals(6 / first.seconds(0), value(rows, "deliveries/s"), 1e-9);
        assertEquals(6 / first.seconds(0), value(rows, FanoutWorkload.SENT), 1e-9);
        assertEquals(6, value(rows, "deliveries per server core-second"), 1e-9);
    }

    @Test
    void aRoomIsAddressedUnderTheServersRootOrItsContextPath() {
        assertEquals(
                URI.create("ws://127.0.0.1:9001/rooms/bench-3"),
                RoomsWorkload.inRoom(URI.create("ws://127.0.0.1:9001/"), "bench-3"));
        assertEquals(
                URI.create("ws://127.0.0.1:9001/rooms/bench-3"),
                RoomsWorkload.inRoom(URI.create("ws://127.0.0.1:9001"), "bench-3"));
        assertEquals(
                URI.create("ws://127.0.0.1:8080/chorus/rooms/bench-0"),
                RoomsWorkload.inRoom(URI.create("ws://127.0.0.1:8080/chorus/"), "bench-0"));
    }

    @Test
    void theRoomsTogetherHaveTheFanoutsSenders() {
        Plan plan = Plan.FULL;
        assertEquals(plan.fanoutSenders(), plan.rooms() * plan.roomSenders());
        assertEquals(List.of(100, 1000), plan.fanoutReceivers());
        assertEquals(1000, plan.rooms() * plan.roomReceivers());
    }

    /** A measurement whose one sender has server id {@code id}, its phase around now. */
    private static Measurement measuring(int id) {
        Measurement measurement = new Measurement();
        measurement.senders(new int[] {id});
        measurement.begin(NOW - 1_000_000_000L, NOW + 1_000_000_000L);
        return measurement;
    }

    /** A room's measurement after {@code count} deliveries of its sender {@code id}'s messages. */
    private static Measurement delivering(int id, int count) {
        Measurement measurement = measuring(id);
        Arrivals arrivals = new Arrivals(Dialect.PLAIN, measurement, new Tally());
        for (int seq = 0; seq < count; seq++) {
            measurement.sent(NOW);
            arrive(arrivals, ChatLines.said(id, Payload.text(Dialect.PLAIN, seq, NOW, 64)));
        }
        return measurement;
    }

    private static void arrive(Arrivals arrivals, String line) {
        char[] head = new char[Receiver.HEAD];
        int length = Math.min(line.length(), Receiver.HEAD);
        line.getChars(0, length, head, 0);
        arrivals.arrived(head, length, NOW);
    }

    private static double value(List<Figure> rows, String name) {
        return rows.stream()
                .filter(row -> row.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row " + name + " in " + rows))
                .value();
    }
}

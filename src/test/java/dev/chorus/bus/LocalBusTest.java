package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.chorus.chat.ChatLines;
import dev.chorus.naming.ClientName;
import dev.chorus.naming.RoomName;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bus of a node alone: ids 1, 2, 3 … past {@code Integer.MAX_VALUE}, and every event heard at once. */
class LocalBusTest {

    @Test
    void idsStartAtOne() {
        LocalBus bus = new LocalBus(BusTelemetry.NONE);
        assertEquals(1, bus.nextIds(1));
        assertEquals(2, bus.nextIds(1));
    }

    @Test
    void idsHandedOutSeveralAtATimeFollowOneAnother() {
        LocalBus bus = new LocalBus(BusTelemetry.NONE);
        assertEquals(1, bus.nextIds(3));
        assertEquals(4, bus.nextIds(1));
    }

    @Test
    void idsGoOnPastTheLargestIntAndKeepTheirTutorialName() {
        LocalBus bus = new LocalBus(BusTelemetry.NONE, Integer.MAX_VALUE - 1L);
        assertEquals(2_147_483_647L, bus.nextIds(1));
        long past = bus.nextIds(1);
        assertEquals(2_147_483_648L, past);
        List<BusEvent> heard = new ArrayList<>();
        bus.start(heard::add);
        bus.publish(new BusEvent.Said(RoomName.ROOT, past, ClientName.of(past), "hello"));
        BusEvent.Said said = (BusEvent.Said) heard.get(0);
        assertEquals("Client(2147483648) said: hello", ChatLines.said(said.from(), said.text()));
    }
}

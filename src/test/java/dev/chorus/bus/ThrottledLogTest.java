package dev.chorus.bus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** A failure that repeats with every message gives one line per 30 s, which counts the ones left out. */
class ThrottledLogTest {

    private static final String NAME = "dev.chorus.bus.ThrottledLogTest";

    @Test
    void oneLinePerIntervalSayingHowManyWereLeftOut() {
        List<String> lines = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(NAME);
        logger.addHandler(handler);
        try {
            AtomicLong clock = new AtomicLong();
            ThrottledLog log = new ThrottledLog(System.getLogger(NAME), Level.WARNING, clock::get);
            for (int i = 0; i < 5; i++) {
                log.log(() -> "refused", null);
            }
            clock.addAndGet(ThrottledLog.INTERVAL_NANOS - 1);
            log.log(() -> "refused", null);
            assertEquals(List.of("refused"), lines);
            clock.addAndGet(1);
            log.log(() -> "refused", null);
            assertEquals(List.of("refused", "refused (5 more like it in the last 30 s)"), lines);
        } finally {
            logger.removeHandler(handler);
        }
    }
}

package dev.chorus.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Messages and bytes in one direction, text and binary apart: four counters resolved once. */
final class Traffic {

    private final Counter textMessages;
    private final Counter textBytes;
    private final Counter binaryMessages;
    private final Counter binaryBytes;

    /**
     * @param direction {@code received} or {@code sent}, as in {@code chorus_messages_received_total}
     */
    Traffic(MeterRegistry registry, String direction, String whence) {
        textMessages = messages(registry, direction, whence, "text");
        textBytes = bytes(registry, direction, whence, "text");
        binaryMessages = messages(registry, direction, whence, "binary");
        binaryBytes = bytes(registry, direction, whence, "binary");
    }

    void text(long bytes) {
        textMessages.increment();
        textBytes.increment(bytes);
    }

    void binary(long bytes) {
        binaryMessages.increment();
        binaryBytes.increment(bytes);
    }

    private static Counter messages(MeterRegistry registry, String direction, String whence, String type) {
        return Counter.builder("chorus.messages." + direction)
                .description("Messages " + direction + " " + whence + ", by type")
                .tag("type", type)
                .register(registry);
    }

    private static Counter bytes(MeterRegistry registry, String direction, String whence, String type) {
        return Counter.builder("chorus." + direction + ".bytes")
                .description("Payload bytes " + direction + " " + whence + ", by type")
                .tag("type", type)
                .register(registry);
    }
}

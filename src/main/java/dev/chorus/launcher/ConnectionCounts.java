package dev.chorus.launcher;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Open WebSocket connections on the launcher, in all and per remote address, for the connection caps. */
final class ConnectionCounts {

    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, AtomicInteger> byAddress = new ConcurrentHashMap<>();

    int total() {
        return total.get();
    }

    int perAddress(String address) {
        AtomicInteger count = byAddress.get(address);
        return count == null ? 0 : count.get();
    }

    void opened(String address) {
        total.incrementAndGet();
        byAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
    }

    /** Forgets an address whose last connection closed, so the map does not grow with every client ever seen. */
    void closed(String address) {
        total.decrementAndGet();
        byAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() == 0 ? null : count);
    }
}

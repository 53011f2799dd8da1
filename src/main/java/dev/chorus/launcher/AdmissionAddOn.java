package dev.chorus.launcher;

import dev.chorus.chat.ChatRoom;
import org.glassfish.grizzly.filterchain.FilterChainBuilder;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.server.AddOn;
import org.glassfish.grizzly.http.server.NetworkListener;

/** Puts an {@link AdmissionFilter} right after the HTTP codec: before the file cache and Tyrus see anything. */
final class AdmissionAddOn implements AddOn {

    private final ChatRoom room;
    private final long retryAfterSeconds;

    AdmissionAddOn(ChatRoom room, long retryAfterSeconds) {
        this.room = room;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @Override
    public void setup(NetworkListener listener, FilterChainBuilder builder) {
        int codec = builder.indexOfType(HttpServerFilter.class);
        if (codec < 0) {
            throw new IllegalStateException("no HTTP codec on listener " + listener.getName());
        }
        builder.add(codec + 1, new AdmissionFilter(room, retryAfterSeconds));
    }
}

package dev.chorus.client;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Sees the opening handshake: the upgrade request as it is sent and the server's answer, whatever its status.
 * Called on Tyrus's threads; the header maps are read-only snapshots.
 */
public interface HandshakeObserver {

    /** Watches nothing. */
    HandshakeObserver NONE = new HandshakeObserver() {};

    /** The upgrade request for {@code uri} is about to be sent with {@code headers}. */
    default void request(URI uri, Map<String, List<String>> headers) {}

    /** The server answered the upgrade; a {@code status} other than 101 means it refused. */
    default void response(int status, String reasonPhrase, Map<String, List<String>> headers) {}
}

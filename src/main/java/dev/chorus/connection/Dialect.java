package dev.chorus.connection;

import dev.chorus.v1.ChorusV1;
import jakarta.websocket.Session;

/** What a client speaks, chosen once when it connects: the tutorial's plain text, or chorus.v1's events. */
public enum Dialect {
    TUTORIAL,
    CHORUS_V1;

    /** The dialect {@code session} negotiated at its handshake. */
    static Dialect of(Session session) {
        return ChorusV1.isSpokenBy(session) ? CHORUS_V1 : TUTORIAL;
    }
}

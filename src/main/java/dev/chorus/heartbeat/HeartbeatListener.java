package dev.chorus.heartbeat;

/** Hears the heartbeat's pings and missed pongs, e.g. to count them. Must be cheap and must not throw. */
public interface HeartbeatListener {

    /** Hears nothing. */
    HeartbeatListener NONE = new HeartbeatListener() {};

    /** A ping went out to one client. */
    default void pinged() {}

    /** One client's pong did not come back in time; it is being closed. */
    default void pongMissed() {}
}

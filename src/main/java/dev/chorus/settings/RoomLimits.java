package dev.chorus.settings;

import java.time.Duration;

/**
 * How many rooms a node holds at once, and how long it keeps a room nobody is in. Each room keeps its own
 * history (at most {@code --history} messages and {@code --outbox-bytes} bytes), so a node's history memory is
 * bounded by {@code maxRooms} times that.
 *
 * @param maxRooms rooms held at once, the tutorial's room included: a client asking for one more is refused
 * @param keep how long a room that became empty (or heard its last message) keeps its history before it is
 *     forgotten; the tutorial's room is never forgotten
 */
public record RoomLimits(int maxRooms, Duration keep) {}

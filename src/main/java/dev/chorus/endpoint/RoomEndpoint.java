package dev.chorus.endpoint;

import dev.chorus.v1.ChorusV1;
import jakarta.websocket.server.ServerEndpoint;

/**
 * The chat socket of a named room, {@code /rooms/NAME}: the same callbacks as the tutorial's room at {@code /}
 * (inherited), in the room the path names. The room's rules are the tutorial's, for that room's members only.
 */
@ServerEndpoint(value = "/rooms/{room}", subprotocols = ChorusV1.NAME)
public class RoomEndpoint extends ChatEndpoint {}

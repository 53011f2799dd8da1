package dev.chorus.web;

import dev.chorus.chat.ChatRoom;
import jakarta.servlet.ServletContext;

/**
 * The WAR's room, as its servlet context holds it: {@link ChatLifecycle} builds it once, from the settings, and
 * puts it there; the filters and servlets take it from there.
 */
final class Deployed {

    private static final String ROOM = ChatRoom.class.getName();

    private Deployed() {}

    static void hold(ServletContext context, ChatRoom room) {
        context.setAttribute(ROOM, room);
    }

    /**
     * The room of this WAR.
     *
     * @throws IllegalStateException if {@link ChatLifecycle} has not built it (it failed, or has not run yet)
     */
    static ChatRoom room(ServletContext context) {
        if (context.getAttribute(ROOM) instanceof ChatRoom room) {
            return room;
        }
        throw new IllegalStateException("the chat room was not started (see the deployment's log)");
    }
}

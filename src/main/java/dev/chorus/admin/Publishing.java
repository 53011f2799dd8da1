package dev.chorus.admin;

import dev.chorus.chat.RoomDirectory.Published;
import dev.chorus.naming.RoomName;
import java.util.List;
import java.util.Optional;

/**
 * What the server publish API ({@link RoomsApi}) needs of the chat: the rooms this node holds, who is in one, and
 * a message from the server to everyone in one. {@link DirectoryPublishing} gives it over the chat's {@code
 * RoomDirectory}; tests give their own. The API only translates HTTP. Every method is called on an HTTP worker
 * thread and must return at once (never wait on a client or the bus).
 */
public interface Publishing {

    /** Every room this node holds now, the tutorial room ({@link RoomName#ROOT}) first, then by name. */
    List<RoomView> rooms();

    /** Who is in {@code room} on this node, in join order; empty if this node holds no such room. */
    Optional<List<MemberView>> members(RoomName room);

    /**
     * Says {@code text} to everyone in {@code room} as the server (chorus.v1: a {@code said} from 0 named {@code
     * server}; a tutorial client: the text as it is), keeps it in the room's history, hands it to the other nodes,
     * and creates the room if needed. Returns at once; {@code text} is non-empty well-formed text within {@code
     * --max-message-bytes} (the API checked).
     */
    Published publish(RoomName room, String text);

    /**
     * One room as {@code GET /api/rooms} lists it.
     *
     * @param room its name ({@code /} for the tutorial room)
     * @param members how many clients are in it on this node
     */
    record RoomView(RoomName room, int members) {}

    /**
     * One client in a room.
     *
     * @param id its chat id
     * @param name its display name in the room, e.g. {@code alice#2} or {@code Client(7)}
     */
    record MemberView(long id, String name) {}
}

package dev.chorus.admin;

import dev.chorus.chat.RoomDirectory;
import dev.chorus.naming.RoomName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Publishing} over the chat's {@link RoomDirectory}: the publish API's view of a node's rooms, translated
 * and nothing more (the chat keeps its own types, so it needs nothing from this package).
 */
public final class DirectoryPublishing implements Publishing {

    private final RoomDirectory directory;

    public DirectoryPublishing(RoomDirectory directory) {
        this.directory = directory;
    }

    @Override
    public List<RoomView> rooms() {
        List<RoomView> rooms = new ArrayList<>();
        directory.rooms().forEach((room, members) -> rooms.add(new RoomView(room, members)));
        return rooms;
    }

    @Override
    public Optional<List<MemberView>> members(RoomName room) {
        return directory.members(room).map(members -> {
            List<MemberView> views = new ArrayList<>();
            members.forEach((id, name) -> views.add(new MemberView(id, name)));
            return views;
        });
    }

    @Override
    public RoomDirectory.Published publish(RoomName room, String text) {
        return directory.publish(room, text);
    }
}

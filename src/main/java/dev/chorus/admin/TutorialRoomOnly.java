package dev.chorus.admin;

import dev.chorus.broadcast.Outgoing;
import dev.chorus.broadcast.Renditions;
import dev.chorus.chat.ChatLines;
import dev.chorus.chat.ChatRoom;
import dev.chorus.connection.Connection;
import dev.chorus.naming.RoomName;
import dev.chorus.v1.ChorusV1;
import dev.chorus.v1.Events;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * INTERIM ADAPTER (issue 21), to be replaced by the chat's own {@link Publishing} when rooms land (branch
 * {@code rooms-core}): a node of today holds the tutorial room alone, so that is the only room listed, a
 * named room is never held (members: 404) and cannot be made (publish: {@link Publishing.Published#ROOM_LIMIT},
 * as if {@code --max-rooms} were 1). A message to the tutorial room reaches this node's clients only, is not kept
 * in the history and has no seq: a tutorial client gets the text, a chorus.v1 client {@code
 * {"type":"said","from":0,"text":…}}. Members are named {@code Client(N)}.
 */
public final class TutorialRoomOnly implements Publishing {

    private final ChatRoom room;

    public TutorialRoomOnly(ChatRoom room) {
        this.room = room;
    }

    @Override
    public List<RoomView> rooms() {
        return List.of(new RoomView(RoomName.ROOT, members().size()));
    }

    @Override
    public Optional<List<MemberView>> members(RoomName name) {
        return name.isRoot() ? Optional.of(members()) : Optional.empty();
    }

    @Override
    public Published publish(RoomName name, String text) {
        if (!name.isRoot()) {
            return Published.ROOM_LIMIT;
        }
        room.audience()
                .broadcast(
                        new Renditions(Outgoing.text(text), ChorusV1.NAME, () -> Events.said(0, text)),
                        Connection::hearsChat);
        return Published.ACCEPTED;
    }

    /** The clients that have joined, in id (join) order. */
    private List<MemberView> members() {
        List<MemberView> members = new ArrayList<>();
        room.audience().forEach(session -> Connection.of(session)
                .filter(Connection::hasId)
                .ifPresent(member -> members.add(new MemberView(member.id(), ChatLines.client(member.id())))));
        members.sort(Comparator.comparingLong(MemberView::id));
        return members;
    }
}

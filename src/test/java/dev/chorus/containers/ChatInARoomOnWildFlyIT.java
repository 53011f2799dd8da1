package dev.chorus.containers;

import dev.chorus.contract.ChatContract;
import java.net.URI;

/** The tutorial's whole chat contract in a room, {@code /rooms/tutorial}, on a managed WildFly. */
class ChatInARoomOnWildFlyIT extends DeployedWar implements ChatContract {

    @Override
    public URI chatUri() {
        return super.chatUri().resolve("rooms/tutorial");
    }
}

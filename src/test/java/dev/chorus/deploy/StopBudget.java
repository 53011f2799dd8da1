package dev.chorus.deploy;

import dev.chorus.chat.ChatRoom;
import dev.chorus.launcher.ChorusServer;
import dev.chorus.notation.Durations;
import dev.chorus.settings.Setting;
import java.lang.reflect.Field;
import java.time.Duration;

/**
 * How long the launcher may take to stop on SIGTERM with the default settings, read from the code rather than
 * copied, so a deploy file's stop timeout is checked against what the code does today: the drain
 * ({@code --drain-timeout}, ChatRoom.stop), then the wait for the clients' closes to be reported
 * (ChatRoom.CLOSES_ANSWERED), then the transport's graceful shutdown, which ChorusServer.close waits for twice
 * its CLOSE_GRACE. What follows (stopping the container, the log line) takes no measurable time.
 */
final class StopBudget {

    private StopBudget() {}

    static Duration drain() {
        return Durations.parse(Setting.DRAIN_TIMEOUT.defaultValue());
    }

    /** Everything after the drain: the closes reported, then the transport's shutdown. */
    static Duration closeGrace() {
        return constant(ChatRoom.class, "CLOSES_ANSWERED")
                .plus(constant(ChorusServer.class, "CLOSE_GRACE").multipliedBy(2));
    }

    /** The longest stop with the defaults. */
    static Duration longest() {
        return drain().plus(closeGrace());
    }

    private static Duration constant(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return (Duration) field.get(null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(owner.getSimpleName() + "." + name + " is gone: see how long a stop takes now", e);
        }
    }
}

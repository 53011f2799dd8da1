package dev.chorus.testing;

import dev.chorus.launcher.ChorusServer;
import dev.chorus.settings.Setting;
import dev.chorus.settings.Settings;
import java.io.IOException;
import java.util.Map;

/** Launchers for tests: 127.0.0.1, a free port, the defaults unless a test says otherwise. */
public final class TestServers {

    private TestServers() {}

    public static Settings settings(Map<Setting, String> given) {
        return Settings.from(setting -> given.getOrDefault(
                setting,
                switch (setting) {
                    case HOST -> "127.0.0.1";
                    case PORT -> "0";
                    default -> setting.defaultValue();
                }));
    }

    public static ChorusServer start(Map<Setting, String> given) throws IOException {
        return ChorusServer.start(settings(given));
    }
}

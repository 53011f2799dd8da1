package dev.chorus.settings;

/** How the launcher writes its log: the tutorial's one readable line per event, or one JSON object per line. */
public enum LogFormat {
    TEXT,
    JSON
}

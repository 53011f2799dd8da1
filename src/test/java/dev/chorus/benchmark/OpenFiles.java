package dev.chorus.benchmark;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a process's open file descriptors are, by kind ({@code socket}, {@code pipe}, {@code anon_inode:[eventpoll]},
 * a file's path), from the targets of its /proc/PID/fd links: so a count that did not come back says what it is.
 */
final class OpenFiles {

    private OpenFiles() {}

    /** The kind of a descriptor whose link reads {@code target}: {@code socket:[12345]} is {@code socket}. */
    static String kind(String target) {
        return target.replaceFirst("^(socket|pipe):\\[\\d+]$", "$1");
    }

    /** {@code socket +2, pipe -1}: each kind whose count changed from {@code before} to {@code after}. */
    static String change(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> change = new TreeMap<>();
        after.forEach((kind, count) -> change.merge(kind, count, Long::sum));
        before.forEach((kind, count) -> change.merge(kind, -count, Long::sum));
        return change.entrySet().stream()
                .filter(entry -> entry.getValue() != 0)
                .map(entry -> entry.getKey() + " " + (entry.getValue() > 0 ? "+" : "") + entry.getValue())
                .collect(Collectors.joining(", "));
    }
}

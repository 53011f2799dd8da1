package dev.chorus.benchmark;

import java.util.OptionalLong;

/** Reads a numeric field out of a Linux {@code /proc/PID/status} text, e.g. {@code Threads:\t42}. */
final class ProcStatus {

    private ProcStatus() {}

    /** The first number of the line {@code field:}, e.g. 42 for Threads or 123456 for VmRSS (in kB). */
    static OptionalLong field(String status, String field) {
        String prefix = field + ":";
        for (String line : status.split("\n")) {
            if (line.startsWith(prefix)) {
                String[] words = line.substring(prefix.length()).trim().split("\\s+");
                try {
                    return OptionalLong.of(Long.parseLong(words[0]));
                } catch (NumberFormatException e) {
                    return OptionalLong.empty();
                }
            }
        }
        return OptionalLong.empty();
    }
}

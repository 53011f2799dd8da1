package dev.chorus.client;

import dev.chorus.protocol.VisibleText;
import java.io.PrintWriter;
import java.util.List;

/**
 * How {@code chorus client} prints to stdout and stderr: whole lines, flushed, one writer at a time (Tyrus's
 * threads and the stdin reader print at once), and every line {@linkplain VisibleText#escape escaped}, so what
 * the server and other clients send cannot move the cursor, recolour or retitle the terminal, ring its bell,
 * or reorder and hide what is shown. The client has no raw output mode; all it prints is for people.
 */
final class ConsoleOutput {

    private ConsoleOutput() {}

    static void println(PrintWriter writer, String line) {
        println(writer, List.of(line));
    }

    static void println(PrintWriter writer, List<String> lines) {
        synchronized (writer) {
            lines.forEach(line -> writer.println(VisibleText.escape(line)));
            writer.flush();
        }
    }
}

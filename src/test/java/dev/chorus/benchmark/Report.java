package dev.chorus.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Markdown table: one group of rows per workload, one row per figure, one column per server, and the
 * ratio of the first server's number to the second's (Chorus ÷ baseline) where both are numbers. A workload a
 * server cannot run (chorus.v1 on the baseline) reads "n/a" in that server's column.
 */
final class Report {

    static final String NOTES = String.join(
            "\n",
            "Notes:",
            "- RSS and CPU are the server process's (from /proc) over the workload's measured span; the load"
                    + " generator's CPU is this JVM's own. The ratio column is Chorus ÷ baseline.",
            "- Latencies are from the sender's stamp (fanout: the send; rate and slow: the scheduled time) to the"
                    + " complete message at each receiver; join greetings and warm-up are not measured.",
            "- Lost and undelivered count deliveries missing once the senders stopped and the drain settled.",
            "- fanout-v1 is fanout with every client on chorus.v1 (JSON commands in, JSON events out, the same text"
                    + " inside). The baseline has no subprotocol, so its column is n/a; instead, the rows \"÷ plain"
                    + " fanout's\" divide each server's figure by its own plain fanout of the same size in this run:"
                    + " what chorus.v1 costs (n/a when that fanout was not run).",
            "- rooms is fanout split over rooms (/rooms/bench-K) all at once, the fanout's senders shared out over"
                    + " them: deliveries/s are summed over the rooms, latencies merged; the rows \"÷ one room of N's\""
                    + " divide by the plain fanout of one room as large as all of them together in this run. The"
                    + " isolation rows count what reached a room from another one. The baselines have no rooms: n/a.",
            "- Chorus logs one INFO line per message (the tutorial's log); the baseline logs nothing per message.",
            "- The load generator shares the machine's cores with the server: compare within one run only.");

    private final List<String> servers;
    private final Map<String, Map<String, Figure[]>> rows = new LinkedHashMap<>();
    private final Map<String, boolean[]> notRun = new HashMap<>();

    Report(List<String> servers) {
        this.servers = List.copyOf(servers);
    }

    /** Records {@code figures} of {@code workload} for the server in column {@code server}. */
    void add(String workload, int server, List<Figure> figures) {
        Map<String, Figure[]> group = rows.computeIfAbsent(workload, k -> new LinkedHashMap<>());
        for (Figure figure : figures) {
            group.computeIfAbsent(figure.name(), k -> new Figure[servers.size()])[server] = figure;
        }
    }

    /** Notes that the server in column {@code server} does not run {@code workload}: its cells read "n/a". */
    void notRun(String workload, int server) {
        rows.computeIfAbsent(workload, k -> new LinkedHashMap<>());
        notRun.computeIfAbsent(workload, k -> new boolean[servers.size()])[server] = true;
    }

    /** Adds {@code relative}'s row to {@code workload}, for every server that ran it; call after all runs. */
    void relate(String workload, Relative relative) {
        Map<String, Figure[]> group = rows.get(workload);
        Figure[] figures = group == null ? null : group.get(relative.figure());
        if (figures == null) {
            return;
        }
        Figure[] bases = rows.getOrDefault(relative.base(), Map.of()).get(relative.figure());
        Figure[] related = new Figure[servers.size()];
        for (int server = 0; server < related.length; server++) {
            Figure figure = figures[server];
            Figure base = bases == null ? null : bases[server];
            if (figure != null) {
                related[server] = base == null
                        ? Figure.text(relative.name(), "n/a (not run)")
                        : Figure.number(relative.name(), figure.value() / base.value(), "%.2f");
            }
        }
        group.put(relative.name(), related);
    }

    String markdown() {
        List<String> lines = new ArrayList<>();
        List<String> head = new ArrayList<>(List.of("workload / figure"));
        head.addAll(servers);
        if (servers.size() == 2) {
            head.add(servers.get(0) + " ÷ " + servers.get(1));
        }
        lines.add(row(head));
        lines.add(row(head.stream().map(cell -> "---").toList()));
        rows.forEach((workload, group) -> {
            List<String> title = new ArrayList<>(List.of("**" + workload + "**"));
            head.stream().skip(1).forEach(cell -> title.add(""));
            lines.add(row(title));
            boolean[] skipped = notRun.getOrDefault(workload, new boolean[servers.size()]);
            group.forEach((name, figures) -> lines.add(row(cells(name, figures, skipped))));
        });
        return String.join("\n", lines);
    }

    private List<String> cells(String name, Figure[] figures, boolean[] skipped) {
        List<String> cells = new ArrayList<>(List.of(name));
        for (int server = 0; server < figures.length; server++) {
            Figure figure = figures[server];
            cells.add(figure != null ? figure.text() : skipped[server] ? "n/a" : "—");
        }
        if (figures.length == 2) {
            cells.add(ratio(figures[0], figures[1]));
        }
        return cells;
    }

    private static String ratio(Figure first, Figure second) {
        // Only a ratio of two positive numbers means something (not of a zero count or a shrinking RSS).
        if (first == null || second == null || !(first.value() > 0) || !(second.value() > 0)) {
            return "";
        }
        return String.format(Locale.ROOT, "%.2f", first.value() / second.value());
    }

    private static String row(List<String> cells) {
        return "| " + String.join(" | ", cells.stream().map(Report::escape).toList()) + " |";
    }

    private static String escape(String cell) {
        return cell.replace("|", "\\|").replace("\n", " ");
    }
}

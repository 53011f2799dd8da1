package dev.chorus.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every workload against every contender, back to back, and files the figures in the report: each on a
 * fresh server process (the full run, so RSS and CPU belong to that workload alone) or on one server per
 * contender (--quick, where starting JVMs would take most of the time; a workload with server settings of its
 * own still gets a fresh one). A failed run becomes one row saying why; a workload in a dialect the contender
 * does not speak, or one for Chorus only on the baseline, is not run there at all.
 */
final class Runs {

    private final Plan plan;
    private final LoadClient client;
    private final Path logs;
    private final Report report;

    Runs(Plan plan, LoadClient client, Path logs, Report report) {
        this.plan = plan;
        this.client = client;
        this.logs = logs;
        this.report = report;
    }

    void all(List<Workload> workloads, List<Contender> contenders) {
        if (plan.freshServers()
                || workloads.stream()
                        .noneMatch(workload -> workload.serverSettings().isEmpty())) {
            for (Workload workload : workloads) {
                for (int column = 0; column < contenders.size(); column++) {
                    if (runsOn(workload, contenders.get(column), column)) {
                        report.add(workload.title(), column, fresh(workload, contenders.get(column)));
                    }
                }
            }
        } else {
            shared(workloads, contenders);
        }
        for (Workload workload : workloads) {
            workload.relatives().forEach(relative -> report.relate(workload.title(), relative));
        }
    }

    /** Whether {@code contender} speaks the workload's dialect (and is Chorus if it must be); if not, n/a. */
    private boolean runsOn(Workload workload, Contender contender, int column) {
        if (contender.speaks(workload.dialect()) && (contender.chorus() || !workload.chorusOnly())) {
            return true;
        }
        progress(workload.title() + " — " + contender.label() + ": not run, "
                + (workload.chorusOnly()
                        ? "it is Chorus only"
                        : "it does not speak " + workload.dialect().subprotocol()));
        report.notRun(workload.title(), column);
        return false;
    }

    private List<Figure> fresh(Workload workload, Contender contender) {
        progress(workload.title() + " — " + contender.label());
        try (Server server = start(contender, workload.title() + " " + contender.label(), workload)) {
            return workload.run(server, client);
        } catch (Exception e) {
            return failed(e);
        }
    }

    /** All servers up at once (an idle one costs nothing), so each workload still runs on them back to back. */
    private void shared(List<Workload> workloads, List<Contender> contenders) {
        List<Server> servers = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        try {
            for (Contender contender : contenders) {
                progress("starting " + contender.label());
                try {
                    servers.add(start(contender, contender.label(), Dialect.PLAIN, Map.of()));
                    failures.add(null);
                } catch (Exception e) {
                    servers.add(null);
                    failures.add(e);
                }
            }
            for (Workload workload : workloads) {
                for (int column = 0; column < contenders.size(); column++) {
                    if (!runsOn(workload, contenders.get(column), column)) {
                        continue;
                    }
                    progress(workload.title() + " — " + contenders.get(column).label());
                    Server server = servers.get(column);
                    if (!workload.serverSettings().isEmpty()) {
                        report.add(workload.title(), column, fresh(workload, contenders.get(column)));
                        continue;
                    }
                    report.add(
                            workload.title(),
                            column,
                            server == null ? failed(failures.get(column)) : on(server, workload));
                }
            }
        } finally {
            servers.stream().filter(Objects::nonNull).forEach(Server::close);
        }
    }

    private List<Figure> on(Server server, Workload workload) {
        try {
            return workload.run(server, client);
        } catch (Exception e) {
            return failed(e);
        }
    }

    /** A server of {@code contender} for {@code workload} alone: with its settings, warmed up in its dialect. */
    private Server start(Contender contender, String name, Workload workload) throws Exception {
        return start(contender, name, workload.dialect(), workload.serverSettings());
    }

    /**
     * A server of {@code contender} with {@code settings} added, warmed up in {@code dialect} (the one its workload
     * uses, so that code is compiled too); its output goes to a log file named after {@code name}.
     */
    private Server start(Contender contender, String name, Dialect dialect, Map<String, String> settings)
            throws Exception {
        String slug =
                name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        Server server = contender.start(logs.resolve(slug + ".log"), settings);
        try {
            ServerWarmup.run(server, client, dialect, plan.serverWarmup());
            return server;
        } catch (Exception e) {
            server.close();
            throw e;
        }
    }

    private static List<Figure> failed(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        progress("  failed: " + e);
        return List.of(Figure.text("run", "failed: " + e.getMessage()));
    }

    static void progress(String line) {
        System.err.printf("[bench %tT] %s%n", System.currentTimeMillis(), line);
    }
}

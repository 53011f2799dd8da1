package dev.chorus.benchmark;

import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** The command line's size and duration options; each one given replaces the preset's value. */
final class Overrides {

    @Option(
            names = "--connect-clients",
            split = ",",
            paramLabel = "LIST",
            description = "connect: client counts (1000,5000).")
    List<Integer> connectClients;

    @Option(
            names = "--fanout-receivers",
            split = ",",
            paramLabel = "LIST",
            description = "fanout and fanout-v1: receiver counts (100,1000).")
    List<Integer> fanoutReceivers;

    @Option(names = "--fanout-senders", paramLabel = "N", description = "fanout and fanout-v1: senders (10).")
    Integer fanoutSenders;

    @Option(
            names = "--fanout-window",
            paramLabel = "N",
            description = "fanout and fanout-v1: unacknowledged messages per sender (10).")
    Integer fanoutWindow;

    @Option(
            names = "--message-bytes",
            paramLabel = "N",
            description = "fanout, fanout-v1 and rate: message size, the text (64).")
    Integer messageBytes;

    @Option(names = "--warmup-seconds", paramLabel = "S", description = "fanout, fanout-v1, rate, slow: warm-up (2).")
    Double warmup;

    @Option(
            names = "--duration-seconds",
            paramLabel = "S",
            description = "fanout, fanout-v1 and rate: measured time (10).")
    Double duration;

    @Option(names = "--rate-clients", paramLabel = "N", description = "rate: clients (1000).")
    Integer rateClients;

    @Option(names = "--rate-senders", paramLabel = "N", description = "rate: senders among them (5).")
    Integer rateSenders;

    @Option(names = "--rate", paramLabel = "N", description = "rate: broadcasts per second in total (50).")
    Integer rate;

    @Option(names = "--slow-clients", paramLabel = "N", description = "slow: reading clients besides the sender (100).")
    Integer slowClients;

    @Option(names = "--slow-rate", paramLabel = "N", description = "slow: messages per second (200).")
    Integer slowRate;

    @Option(names = "--slow-bytes", paramLabel = "N", description = "slow: message size (16384).")
    Integer slowBytes;

    @Option(
            names = "--slow-before-seconds",
            paramLabel = "S",
            description = "slow: measured time before the stall (10).")
    Double slowBefore;

    @Option(names = "--stall-seconds", paramLabel = "S", description = "slow: how long one client stops reading (20).")
    Double stall;

    @Option(names = "--churn-cycles", paramLabel = "N", description = "churn: connect/close cycles (20000).")
    Integer churnCycles;

    @Option(names = "--churn-in-flight", paramLabel = "N", description = "churn: cycles under way at once (200).")
    Integer churnInFlight;

    @Option(
            names = "--churn-seconds",
            paramLabel = "S",
            description = "churn: wall-clock cap, no cycle starts after it (150).")
    Double churnCap;

    @Option(
            names = "--rooms",
            paramLabel = "N",
            description = "rooms: rooms at once, the fanout's senders shared out over them (10).")
    Integer rooms;

    @Option(names = "--room-receivers", paramLabel = "N", description = "rooms: receivers in each room (100).")
    Integer roomReceivers;

    @Option(
            names = "--server-warmup-seconds",
            paramLabel = "S",
            description = "Chat traffic each server gets before it is measured (3; --quick: 0).")
    Double serverWarmup;

    @Option(
            names = "--limit-seconds",
            paramLabel = "S",
            description = "Bound on each wait: connecting, settling, draining (300).")
    Double limit;

    Plan apply(Plan preset) {
        return new Plan(
                or(connectClients, preset.connectClients()),
                or(fanoutReceivers, preset.fanoutReceivers()),
                or(fanoutSenders, preset.fanoutSenders()),
                or(fanoutWindow, preset.fanoutWindow()),
                or(messageBytes, preset.messageBytes()),
                seconds(warmup, preset.warmup()),
                seconds(duration, preset.duration()),
                or(rateClients, preset.rateClients()),
                or(rateSenders, preset.rateSenders()),
                or(rate, preset.rate()),
                or(slowClients, preset.slowClients()),
                or(slowRate, preset.slowRate()),
                or(slowBytes, preset.slowBytes()),
                seconds(slowBefore, preset.slowBefore()),
                seconds(stall, preset.stall()),
                seconds(serverWarmup, preset.serverWarmup()),
                preset.freshServers(),
                seconds(limit, preset.limit()),
                or(churnCycles, preset.churnCycles()),
                or(churnInFlight, preset.churnInFlight()),
                seconds(churnCap, preset.churnCap()),
                or(rooms, preset.rooms()),
                or(roomReceivers, preset.roomReceivers()));
    }

    private static <T> T or(T given, T preset) {
        return given != null ? given : preset;
    }

    private static Duration seconds(Double given, Duration preset) {
        return given != null ? Duration.ofMillis(Math.round(given * 1000)) : preset;
    }
}

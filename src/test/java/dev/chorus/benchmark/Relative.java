package dev.chorus.benchmark;

/**
 * A report row filled once every workload has run: one figure of a workload divided by the same figure of
 * another workload of the same run, on the same server, e.g. chorus.v1 fanout's deliveries/s over plain
 * fanout's. It says what a feature costs where the baseline has no such feature to compare against.
 *
 * @param name the row's name
 * @param figure the name of the figure divided
 * @param base the title of the workload whose figure is the divisor
 */
record Relative(String name, String figure, String base) {}

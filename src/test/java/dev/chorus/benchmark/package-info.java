/**
 * The benchmark (issue 5): Chorus and a naive Tyrus endpoint side by side under the same load, one Markdown
 * table on stdout. Each server runs as a child process on 127.0.0.1 and a free port, fresh for every workload;
 * all clients are driven from this one JVM through the JDK's {@code java.net.http.WebSocket}, except the slow
 * workload's readers: raw sockets on one selector thread ({@link dev.chorus.benchmark.RawReaders}).
 *
 * <p>Run it from the project root:
 *
 * <pre>
 * mvn -B -Pbench package                             # the sizes, a few minutes
 * mvn -B -Pbench package -Dbench.args="--quick"      # a smoke run of every workload
 * mvn -B -Pbench package -Dbench.args="--workloads fanout --fanout-receivers 500"
 * mvn -B -Pbench package -Dbench.args="--workloads fanout,fanout-v1"   # plain and chorus.v1 fanout
 * mvn -B -Pbench package -Dbench.args="--workloads fanout,rooms --fanout-receivers 1000"   # 1 × 1000 and 10 × 100
 * mvn -B -Pbench package -Dbench.args="--workloads churn"    # the churn soak, Chorus only, about a minute
 * mvn -B -Pbench package -Dbench.args="--url ws://127.0.0.1:9001/ --workloads rate"   # a running server
 * mvn -B -Pbench package -Dbench.args="--help"       # every option
 * </pre>
 *
 * <p>Workloads: {@code connect} (N clients connect; time, failures, RSS per connection), {@code fanout}
 * (closed-loop senders, throughput and latency), {@code fanout-v1} (the same with every client on chorus.v1,
 * Chorus only, set against Chorus's plain fanout), {@code rooms} (the fanout split over 10 rooms of 100 at once,
 * Chorus only, set against the plain fanout of one room of 1000, each receiver checked to get its own room's
 * messages only), {@code rate} (fixed offered load, latency from the schedule),
 * {@code slow} (one client stops reading while large messages stream), {@code churn} (a soak of 20 000 short
 * connections ended every way a hostile client ends them; the server's fds, threads, live heap and connection
 * gauges must come back to their baseline, PASS/FAIL each). Both servers run on the launcher's
 * listener with its defaults except two (see {@code --server-setting}): every client comes from 127.0.0.1 and the
 * senders send far more than the default per-client message rate. Server logs go to {@code target/bench-logs/}.
 */
package dev.chorus.benchmark;

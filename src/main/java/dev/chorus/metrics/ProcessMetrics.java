package dev.chorus.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmInfoMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What an operator asks of any JVM service: memory, GC, threads, classes, CPU, open files, uptime, the Java
 * version (Micrometer's own binders, so the names are the ones dashboards know), and which Chorus this is.
 * The GC binder listens to the JVM until {@link #close}: a room that stops must close it.
 */
final class ProcessMetrics implements AutoCloseable {

    private final JvmGcMetrics gc = new JvmGcMetrics();

    ProcessMetrics(MeterRegistry registry) {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new JvmInfoMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        Gauge.builder("chorus.build.info", () -> 1)
                .description("Which Chorus this is: its version as a label, the value is always 1")
                .tag("version", version())
                .register(registry);
    }

    /** The project's version, written into {@code build.properties} by the build; {@code unknown} without it. */
    static String version() {
        Properties build = new Properties();
        try (InputStream in = ProcessMetrics.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            // Unreadable: reported as unknown, which is true.
        }
        return build.getProperty("version", "unknown");
    }

    @Override
    public void close() {
        gc.close();
    }
}

package dev.chorus.benchmark;

import java.net.URI;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** A server someone else started ({@code --url}): traffic only, no process to measure or stop. */
record ExternalServer(URI uri) implements Server {

    @Override
    public OptionalLong rssKib() {
        return OptionalLong.empty();
    }

    @Override
    public OptionalDouble cpuSeconds() {
        return OptionalDouble.empty();
    }

    @Override
    public Optional<LogLine> logSeen(Pattern pattern) {
        return Optional.empty();
    }

    @Override
    public void watchLog(Pattern pattern) {}

    @Override
    public void close() {}
}

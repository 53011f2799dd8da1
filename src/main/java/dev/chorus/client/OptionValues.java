package dev.chorus.client;

import dev.chorus.notation.Durations;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Stack;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/** Turns {@code chorus client}'s option texts into values; a bad text becomes a one-line usage error. */
final class OptionValues {

    private OptionValues() {}

    /** One {@code -H NAME:VALUE}. */
    record Header(String name, String value) {}

    /** {@code 500ms}, {@code 10s}, {@code 2m}, {@code PT10S}: the same forms as the server's settings. */
    static final class DurationValue implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            try {
                Duration duration = Durations.parse(text);
                if (duration.isNegative()) {
                    throw new TypeConversionException("'" + text + "' is negative");
                }
                return duration;
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code NAME:VALUE}, blanks around either trimmed, the name not empty. */
    static final class HeaderValue implements ITypeConverter<Header> {
        @Override
        public Header convert(String text) {
            int colon = text.indexOf(':');
            if (colon <= 0 || text.substring(0, colon).isBlank()) {
                throw new TypeConversionException("'" + text + "' is not NAME:VALUE");
            }
            return new Header(
                    text.substring(0, colon).trim(), text.substring(colon + 1).trim());
        }
    }

    /**
     * Takes the value of {@code --text}, {@code --binary} or {@code --binary-file} and hands the payload, in
     * command-line order, to the command: picocli would otherwise keep one list each and lose how they
     * interleave. (A file is its own option, not curl's {@code @FILE}: picocli expands {@code @FILE} arguments
     * itself.)
     */
    static final class Payload implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec argSpec, CommandSpec commandSpec) {
            String option = ((OptionSpec) argSpec).longestName();
            if (args.isEmpty()) {
                throw new ParameterException(commandSpec.commandLine(), "Missing value for " + option);
            }
            String value = args.pop();
            ClientCommand command = (ClientCommand) commandSpec.userObject();
            try {
                command.addPayload(
                        switch (option) {
                            case "--binary" -> hex(value);
                            case "--binary-file" -> file(Path.of(value));
                            default -> value;
                        });
            } catch (IllegalArgumentException e) {
                throw new ParameterException(
                        commandSpec.commandLine(), "Invalid value for " + option + ": " + e.getMessage());
            }
        }

        /** Hex digits, optionally split by blanks or colons: {@code 0001ff}, {@code "00 01 ff"}, {@code 00:01:ff}. */
        private static ByteBuffer hex(String value) {
            String digits = value.replaceAll("[\\s:]", "");
            try {
                return ByteBuffer.wrap(HexFormat.of().parseHex(digits)).asReadOnlyBuffer();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("'" + value + "' is not hex bytes such as 0001ff", e);
            }
        }

        private static ByteBuffer file(Path file) {
            try {
                return ByteBuffer.wrap(Files.readAllBytes(file)).asReadOnlyBuffer();
            } catch (NoSuchFileException e) {
                throw new IllegalArgumentException("no such file: " + file, e);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
    }
}

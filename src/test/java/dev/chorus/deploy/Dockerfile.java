package dev.chorus.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * deploy/container/Dockerfile read as the file it is: its instructions, continuation lines joined and comments left
 * out. Both image tests read it, so the Jib image and the Dockerfile's cannot drift apart.
 */
final class Dockerfile {

    static final Path PATH = Path.of("deploy/container/Dockerfile");

    private static final Pattern ENV_PAIR = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)");

    private final List<String> instructions;

    private Dockerfile(List<String> instructions) {
        this.instructions = instructions;
    }

    static Dockerfile read() throws IOException {
        List<String> joined = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(PATH)) {
            if (line.isBlank() || line.trim().startsWith("#")) {
                continue;
            }
            String trimmed = line.trim();
            boolean continues = trimmed.endsWith("\\");
            current.append(continues ? trimmed.substring(0, trimmed.length() - 1) : trimmed)
                    .append(' ');
            if (!continues) {
                joined.add(current.toString().trim().replaceAll("\\s+", " "));
                current.setLength(0);
            }
        }
        return new Dockerfile(joined);
    }

    /** The one instruction that starts with this keyword and a space, whole; fails unless there is exactly one. */
    String only(String keyword) {
        String prefix = keyword + " ";
        List<String> found =
                instructions.stream().filter(line -> line.startsWith(prefix)).toList();
        assertEquals(1, found.size(), () -> "one " + keyword + " in " + PATH + ": " + found);
        return found.get(0);
    }

    /** What follows the keyword of the one instruction with this keyword. */
    String argument(String keyword) {
        return only(keyword).substring(keyword.length() + 1);
    }

    /** ENV NAME=VALUE pairs (values may be quoted and hold spaces), in order. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        Matcher pair = ENV_PAIR.matcher(argument("ENV"));
        while (pair.find()) {
            env.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
        }
        return env;
    }

    /** ENTRYPOINT in its exec (JSON array) form. */
    List<String> entrypoint() {
        try (JsonReader reader = Json.createReader(new StringReader(argument("ENTRYPOINT")))) {
            return reader.readArray().getValuesAs(JsonString.class).stream()
                    .map(JsonString::getString)
                    .toList();
        }
    }

    /** EXPOSE's ports, as written. */
    List<String> exposedPorts() {
        return Arrays.asList(argument("EXPOSE").split(" "));
    }
}

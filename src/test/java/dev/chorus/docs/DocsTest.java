package dev.chorus.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.chorus.settings.Setting;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README and {@code docs/} against the code: every setting documented with its default, a README short
 * enough to read in five minutes, and no relative link to a file that is not there. Plain file reads, no server.
 */
class DocsTest {

    private static final Path README = Path.of("README.md");
    private static final Path DOCS = Path.of("docs");
    private static final Path CONFIGURATION = DOCS.resolve("configuration.md");
    private static final int README_MAX_LINES = 230;

    /** A markdown link's target, or an {@code <img src="…">}: group 1 or 2. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)|<img src=\"([^\"]+)\"");

    @Test
    void everySettingIsInTheConfigurationTableWithItsNamesAndDefault() throws IOException {
        Map<String, List<String>> rows = settingRows(CONFIGURATION);
        List<String> wrong = new ArrayList<>();
        for (Setting setting : Setting.values()) {
            List<String> cells = rows.get(setting.option());
            if (cells == null) {
                wrong.add(setting.option() + " has no row");
                continue;
            }
            expectCell(wrong, setting, cells, 1, code(setting.property()));
            expectCell(wrong, setting, cells, 2, code(setting.environmentVariable()));
            expectDefault(wrong, setting, cells.size() > 3 ? cells.get(3) : "");
        }
        wrong.addAll(unknownOptions(rows));
        assertTrue(wrong.isEmpty(), () -> CONFIGURATION + " disagrees with Setting: " + wrong);
    }

    @Test
    void theSettingsTheReadmeShowsHaveTheirRealDefaults() throws IOException {
        Map<String, List<String>> rows = settingRows(README);
        List<String> wrong = new ArrayList<>(unknownOptions(rows));
        for (Setting setting : Setting.values()) {
            List<String> cells = rows.get(setting.option());
            if (cells != null) {
                expectDefault(wrong, setting, cells.size() > 1 ? cells.get(1) : "");
            }
        }
        assertTrue(wrong.isEmpty(), () -> README + " disagrees with Setting: " + wrong);
    }

    @Test
    void theReadmeStaysShort() throws IOException {
        long lines = Files.readAllLines(README).size();
        assertTrue(
                lines <= README_MAX_LINES,
                () -> README + " has " + lines + " lines, more than " + README_MAX_LINES
                        + ": move the detail to a page under docs/");
    }

    @Test
    void everyRelativeLinkPointsAtAFileThatExists() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            for (String target : linkTargets(page)) {
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                if (!file.isEmpty()
                        && !Files.exists(page.toAbsolutePath().getParent().resolve(file))) {
                    broken.add(page + " -> " + target);
                }
            }
        }
        assertTrue(broken.isEmpty(), () -> "links to files that do not exist: " + broken);
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(README));
        try (Stream<Path> docs = Files.list(DOCS)) {
            docs.filter(path -> path.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    /** The relative link targets outside fenced code blocks (absolute URLs and in-page anchors left out). */
    private static List<String> linkTargets(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(page)) {
            if (line.stripLeading().startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            Matcher link = LINK.matcher(line);
            while (!inCode && link.find()) {
                String target = link.group(1) != null ? link.group(1) : link.group(2);
                if (!target.matches("^[a-z]+:.*") && !target.startsWith("#")) {
                    targets.add(target);
                }
            }
        }
        return targets;
    }

    /** Table rows whose first cell is an option such as {@code `--port`}: option to the cells after it. */
    private static Map<String, List<String>> settingRows(Path page) throws IOException {
        Map<String, List<String>> rows = new HashMap<>();
        for (String line : Files.readAllLines(page)) {
            if (line.startsWith("| `--")) {
                List<String> cells = Arrays.stream(line.split("\\|"))
                        .skip(1)
                        .map(String::strip)
                        .toList();
                rows.put(cells.get(0).replace("`", ""), cells);
            }
        }
        return rows;
    }

    private static List<String> unknownOptions(Map<String, List<String>> rows) {
        List<String> options =
                Arrays.stream(Setting.values()).map(Setting::option).toList();
        return rows.keySet().stream()
                .filter(option -> !options.contains(option))
                .map(option -> option + " is not a Setting")
                .sorted()
                .toList();
    }

    private static void expectCell(List<String> wrong, Setting setting, List<String> cells, int index, String want) {
        String cell = cells.size() > index ? cells.get(index) : "";
        if (!cell.equals(want)) {
            wrong.add(setting.option() + ": '" + cell + "' where " + want + " belongs");
        }
    }

    /** A default of "" is written "(empty)" or "(none…)"; any other exactly, in backticks. */
    private static void expectDefault(List<String> wrong, Setting setting, String cell) {
        String want = setting.defaultValue();
        boolean matches = want.isEmpty() ? cell.equals("(empty)") || cell.startsWith("(none") : cell.equals(code(want));
        if (!matches) {
            wrong.add(setting.option() + ": default '" + cell + "' but Setting says '" + want + "'");
        }
    }

    private static String code(String text) {
        return "`" + text + "`";
    }
}

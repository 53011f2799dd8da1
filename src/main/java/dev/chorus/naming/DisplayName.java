package dev.chorus.naming;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A name a client is shown by: asked for with {@code ?name=} or given by its token or its container login. Read
 * as NFC and trimmed, it is 1 to 32 code points of Unicode letters and digits (categories L* and N*), space,
 * {@code - _ . '}, with no two spaces in a row, and is not {@code server} in any case (the publish API's sender).
 * No control, format, mark or symbol character gets in, so a name cannot hide text, fake a line break in a log or
 * pass for {@code Client(N)} or {@code alice#2}. Compared as written; {@link #key} is the case-insensitive key.
 */
public final class DisplayName {

    /** The most code points a name has. */
    public static final int MAX_CODE_POINTS = 32;

    /** The one name no client may take, in any case: the publish API's messages come from it. */
    public static final String RESERVED = "server";

    /** Why a name is refused; none of these ever quotes what was asked for, so a log may say it. */
    public static final String EMPTY = "empty";

    public static final String TOO_LONG = "longer than " + MAX_CODE_POINTS + " characters";
    public static final String CHARACTERS = "use letters, digits, space and - _ . ' only";
    public static final String SPACES = "two spaces in a row";
    public static final String TAKEN = "'" + RESERVED + "' is reserved";

    /** Longer than this, in chars, a request is refused unread: NFC never shrinks text this much. */
    private static final int MAX_CHARS_READ = 16 * MAX_CODE_POINTS;

    private final String name;

    private DisplayName(String name) {
        this.name = name;
    }

    /** What reading a requested name gave: the name, or why it was refused. Exactly one is present. */
    public record Reading(Optional<DisplayName> name, Optional<String> refusal) {

        static Reading refused(String why) {
            return new Reading(Optional.empty(), Optional.of(why));
        }
    }

    /** {@code requested} (already %-decoded) as a display name, or why it is none; never throws. */
    public static Reading read(String requested) {
        if (requested == null) {
            return Reading.refused(EMPTY);
        }
        if (requested.length() > MAX_CHARS_READ) {
            return Reading.refused(TOO_LONG);
        }
        String name = Normalizer.normalize(requested, Normalizer.Form.NFC).strip();
        if (name.isEmpty()) {
            return Reading.refused(EMPTY);
        }
        if (!name.codePoints().allMatch(DisplayName::allowed)) {
            return Reading.refused(CHARACTERS);
        }
        if (name.contains("  ")) {
            return Reading.refused(SPACES);
        }
        if (name.codePointCount(0, name.length()) > MAX_CODE_POINTS) {
            return Reading.refused(TOO_LONG);
        }
        if (key(Normalizer.normalize(name, Normalizer.Form.NFKC)).equals(RESERVED)) {
            return Reading.refused(TAKEN); // NFKC too, so fullwidth letters do not get round it
        }
        return new Reading(Optional.of(new DisplayName(name)), Optional.empty());
    }

    /** {@code requested} as a display name, or empty if {@link #read} refuses it. */
    public static Optional<DisplayName> parse(String requested) {
        return read(requested).name();
    }

    /** The case-insensitive key of a shown name: names whose keys are equal clash in a room. */
    public static String key(String shown) {
        return shown.toLowerCase(Locale.ROOT);
    }

    /** This name's {@link #key(String) key}. */
    public String key() {
        return key(name);
    }

    /**
     * This name, or the first of {@code name#2}, {@code name#3}, … whose key is not in {@code takenKeys} (the keys
     * of the names in use in a room). {@code #} is never in a display name, so these never clash with one asked for.
     */
    public String uniqueAmong(Set<String> takenKeys) {
        for (int n = 1; n <= takenKeys.size() + 1; n++) {
            String candidate = n == 1 ? name : name + "#" + n;
            if (!takenKeys.contains(key(candidate))) {
                return candidate;
            }
        }
        throw new IllegalStateException("unreachable: more than " + takenKeys.size() + " names taken");
    }

    private static boolean allowed(int codePoint) {
        return switch (Character.getType(codePoint)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> codePoint == ' '
                    || codePoint == '-'
                    || codePoint == '_'
                    || codePoint == '.'
                    || codePoint == '\'';
        };
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DisplayName shown && shown.name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** The name as shown. */
    @Override
    public String toString() {
        return name;
    }
}

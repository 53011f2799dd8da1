package dev.chorus.protocol;

/** UTF-8 lengths without encoding: a size check or a byte counter must not cost a copy of the message. */
public final class Utf8 {

    private Utf8() {}

    /** The number of bytes {@code text} takes as UTF-8 (an unpaired surrogate counts as 3, like '?'+2). */
    public static long length(CharSequence text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}

package dev.chorus.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

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

    /**
     * {@code bytes} as text if they are well-formed UTF-8, else empty. Strict where {@code new String(bytes,
     * UTF_8)} silently puts U+FFFD: a malformed or truncated sequence, an overlong form, and an encoded surrogate
     * ({@code ED A0 80}, how a lone surrogate would be written) are all refused, so the text decoded can always be
     * encoded again (a lone surrogate once left every client of a Payara room deaf).
     */
    public static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}

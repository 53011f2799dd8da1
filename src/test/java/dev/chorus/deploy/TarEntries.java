package dev.chorus.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The entries of a tar stream (ustar, with the PAX headers Jib writes), read without a library: the tests need only
 * names and a few small files. Only regular files and directories are returned.
 */
final class TarEntries {

    private static final int BLOCK = 512;

    /** One entry; {@code content} is empty unless the caller asked to keep it (regular files only). */
    record Entry(String name, boolean directory, byte[] content) {}

    private TarEntries() {}

    static List<Entry> read(InputStream in, Predicate<String> keep) throws IOException {
        List<Entry> entries = new ArrayList<>();
        String paxPath = null;
        byte[] header = new byte[BLOCK];
        while (readFully(in, header) && header[0] != 0) {
            String name = text(header, 345, 155).isEmpty()
                    ? text(header, 0, 100)
                    : text(header, 345, 155) + "/" + text(header, 0, 100);
            long size = Long.parseLong(text(header, 124, 12).trim(), 8);
            char type = (char) header[156];
            boolean pax = type == 'x';
            if (!pax && paxPath != null) {
                name = paxPath;
                paxPath = null;
            }
            boolean regular = type == '0' || type == 0;
            byte[] content = pax || (regular && keep.test(name)) ? in.readNBytes((int) size) : skip(in, size);
            skip(in, (BLOCK - size % BLOCK) % BLOCK);
            if (pax) {
                paxPath = paxPath(new String(content, StandardCharsets.UTF_8));
            } else if (regular || type == '5') {
                entries.add(new Entry(name, type == '5', content));
            }
        }
        return entries;
    }

    /** The {@code path} record of a PAX header ("LENGTH key=value\n" records), if it has one. */
    private static String paxPath(String records) {
        for (String record : records.split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 1 + "path=".length());
            }
        }
        return null;
    }

    private static String text(byte[] header, int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static boolean readFully(InputStream in, byte[] block) throws IOException {
        return in.readNBytes(block, 0, block.length) == block.length;
    }

    private static byte[] skip(InputStream in, long count) throws IOException {
        in.skipNBytes(count);
        return new byte[0];
    }
}

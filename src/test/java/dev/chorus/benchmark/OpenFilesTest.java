package dev.chorus.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** When a server's descriptors do not come back, the churn soak says which kinds did not. */
class OpenFilesTest {

    @Test
    void socketsAndPipesAreOneKindEachWhateverTheirInode() {
        assertEquals("socket", OpenFiles.kind("socket:[123456]"));
        assertEquals("pipe", OpenFiles.kind("pipe:[42]"));
        assertEquals("anon_inode:[eventpoll]", OpenFiles.kind("anon_inode:[eventpoll]"));
        assertEquals("/work/target/chorus.jar", OpenFiles.kind("/work/target/chorus.jar"));
    }

    @Test
    void theChangeNamesEachKindThatMovedAndOnlyThose() {
        Map<String, Long> before = Map.of("socket", 3L, "pipe", 3L, "anon_inode:[eventpoll]", 3L);
        Map<String, Long> after = Map.of("socket", 5L, "pipe", 2L, "anon_inode:[eventpoll]", 3L, "/tmp/x", 1L);
        assertEquals("/tmp/x +1, pipe -1, socket +2", OpenFiles.change(before, after));
        assertEquals("", OpenFiles.change(before, before));
    }
}

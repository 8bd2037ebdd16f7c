// Whole files come back byte for byte whatever their size falls on: empty, within, at and across chunk edges.
package dev.ipc.procfs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcFileTest {
    @Test
    void every_size_reads_back_exactly(@TempDir Path directory) throws Exception {
        int first = 16 * 1024;
        int later = 256 * 1024;
        int[] sizes = {0, 1, 100, first - 1, first, first + 1, first + later - 1, first + later, first + later + 1,
                first + 5 * later + 12_345, 3_000_000};
        SplittableRandom random = new SplittableRandom(3);
        for (int size : sizes) {
            byte[] content = new byte[size];
            for (int i = 0; i < size; i++) {
                content[i] = (byte) random.nextInt(256);
            }
            Path file = directory.resolve("f" + size);
            Files.write(file, content);
            assertArrayEquals(content, ProcFile.readAllBytes(file), "size " + size);
        }
    }

    @Test
    void kernel_files_that_report_size_zero_are_read_whole() throws Exception {
        Path sem = Path.of("/proc/sys/kernel/sem");
        assertEquals(0, Files.size(sem));
        String text = ProcFile.readText(sem);
        assertEquals(4, text.trim().split("\\s+").length, text);
        assertTrue(ProcFile.readAllBytes(Path.of("/proc/self/status")).length > 100);
    }
}

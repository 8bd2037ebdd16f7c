// Reads small kernel files (/proc, /sys) whole, in as few read() calls as the kernel allows.
package dev.ipc.procfs;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

public final class ProcFile {
    private static final int FIRST_CHUNK = 16 * 1024;
    private static final int LATER_CHUNKS = 256 * 1024;

    private ProcFile() {
    }

    /**
     * Reads until end of file. /proc files report size 0 and Files.readAllBytes has been seen to return one
     * byte of /proc/sys/kernel/sem on JDK 17, so this loops on read() into a growing buffer instead.
     */
    public static byte[] readAllBytes(Path path) throws IOException {
        try (FileInputStream in = new FileInputStream(path.toFile())) {
            // Filled chunks are kept and joined once at the end: a doubling buffer would allocate (and the JVM
            // zero) four times the megabytes that /proc/sysvipc holds for tens of thousands of objects.
            List<byte[]> filled = null;
            byte[] chunk = new byte[FIRST_CHUNK];
            int length = 0;
            while (true) {
                int n = in.read(chunk, length, chunk.length - length);
                if (n < 0) {
                    break;
                }
                length += n;
                if (length == chunk.length) {
                    if (filled == null) {
                        filled = new ArrayList<>();
                    }
                    filled.add(chunk);
                    chunk = new byte[LATER_CHUNKS];
                    length = 0;
                }
            }
            if (filled == null) {
                return Arrays.copyOf(chunk, length);
            }
            int total = length;
            for (byte[] full : filled) {
                total += full.length;
            }
            byte[] all = new byte[total];
            int at = 0;
            for (byte[] full : filled) {
                System.arraycopy(full, 0, all, at, full.length);
                at += full.length;
            }
            System.arraycopy(chunk, 0, all, at, length);
            return all;
        }
    }

    /** The file's text without its trailing newline. */
    public static String readText(Path path) throws IOException {
        String text = new String(readAllBytes(path), StandardCharsets.UTF_8);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}

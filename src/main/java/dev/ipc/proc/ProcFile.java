// Reads small kernel files (/proc, /sys) whole, in as few read() calls as the kernel allows.
package dev.ipc.proc;

import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

public final class ProcFile {
    private ProcFile() {
    }

    /**
     * Reads until end of file. /proc files report size 0 and Files.readAllBytes has been seen to return one
     * byte of /proc/sys/kernel/sem on JDK 17, so this loops on read() into a growing buffer instead.
     */
    public static byte[] readAllBytes(Path path) throws IOException {
        try (FileInputStream in = new FileInputStream(path.toFile())) {
            byte[] buffer = new byte[64 * 1024];
            int length = 0;
            while (true) {
                int n = in.read(buffer, length, buffer.length - length);
                if (n < 0) {
                    return length == buffer.length ? buffer : Arrays.copyOf(buffer, length);
                }
                length += n;
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
            }
        }
    }

    /** The file's text without its trailing newline. */
    public static String readLine(Path path) throws IOException {
        String text = new String(readAllBytes(path), StandardCharsets.UTF_8);
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}

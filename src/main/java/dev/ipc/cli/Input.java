// The data a command sends or writes: its TEXT argument, a file, or standard input, as bytes.
package dev.ipc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

public final class Input {
    private Input() {
    }

    /** The file of this name; a name the locale's charset (LC_ALL=C: ASCII) cannot encode is a failure. */
    public static Path path(String file) {
        try {
            return Path.of(file);
        } catch (InvalidPathException unnamable) {
            throw IpcException.failure(file + ": cannot be named in this locale's character set ("
                    + System.getProperty("sun.jnu.encoding") + "); run with a UTF-8 locale");
        }
    }

    /**
     * TEXT (as UTF-8) when given, else the file's bytes when given, else standard input's. At most limit + 1 bytes
     * are read, so that a caller can tell input that is too long without reading all of it.
     */
    public static byte[] read(String text, String file, long limit) {
        if (text != null && file != null) {
            throw IpcException.usage("give TEXT or --file, not both");
        }
        if (text != null) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (file != null && file.isEmpty()) {
            throw IpcException.usage("--file '': give the name of a file"); // "" would be the working directory
        }
        int most = (int) Math.min(limit + 1, Integer.MAX_VALUE - 8);
        try {
            if (file != null) {
                try (InputStream in = Files.newInputStream(path(file))) {
                    return in.readNBytes(most);
                }
            }
            return System.in.readNBytes(most);
        } catch (FileSystemException named) {
            throw new UncheckedIOException(named); // its message names the file
        } catch (IOException e) {
            // A directory opens and fails only when read, with an exception that names no file.
            throw IpcException.failure((file != null ? file : "standard input") + ": " + e.getMessage());
        }
    }
}

// Writes DIR/ipc.prom for node_exporter's textfile collector: all of it or nothing, never half a file.
package dev.ipc.metrics;

import dev.ipc.cli.IpcException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The collector reads DIR/*.prom at every scrape. The text goes to a temporary name in the same directory that
 * does not end in .prom (so the collector skips it), is synced, and is renamed over ipc.prom: a rename within a
 * file system replaces the old file in one step. The file is readable by all (0644), as the collector often runs
 * as another user.
 */
final class TextFile {
    static final String NAME = "ipc.prom";

    private TextFile() {
    }

    /** Returns the file written. */
    static Path write(Path directory, String text) {
        if (!Files.isDirectory(directory)) {
            throw IpcException.failure("--textfile " + directory + ": "
                    + (Files.exists(directory) ? "Not a directory" : "No such directory"));
        }
        Path target = directory.resolve(NAME);
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, "." + NAME + ".", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    channel.write(bytes);
                }
                channel.force(true);
            }
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // the failure below is what matters
                }
            }
            throw IpcException.failure("--textfile " + directory + ": cannot write " + NAME + ": " + reason(e));
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        return e.getMessage();
    }
}

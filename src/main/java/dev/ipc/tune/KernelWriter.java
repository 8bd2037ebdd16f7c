// Writes values into /proc/sys/kernel: each file whole, in one write(), and back to the old values on failure.
package dev.ipc.tune;

import dev.ipc.cli.IpcException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What the kernel does that this guards against (measured on Linux 6.18): a second write() on the same open file is
 * ignored without an error (sysctl_writes_strict), so a value must go in one write() and a restore needs a new
 * descriptor; and kernel.sem keeps the fields it parsed before it failed ("1 2 3 40000" fails with ERANGE and
 * leaves "1 2 3 128"), so after any failure every file touched is written back whole.
 */
public final class KernelWriter {
    /** One file's change; values as the file holds them, without the newline. */
    public record Write(String key, Path file, String oldValue, String newValue) {
    }

    private KernelWriter() {
    }

    /**
     * Opens every file first, so that a missing right is found before anything changes, then writes each. On a
     * refused write, writes back the old value of every file written so far, the failed one included.
     */
    public static void apply(List<Write> writes) {
        List<FileChannel> channels = new ArrayList<>();
        try {
            for (Write write : writes) {
                channels.add(openForWriting(write));
            }
            for (int i = 0; i < writes.size(); i++) {
                Write write = writes.get(i);
                try {
                    writeOnce(channels.get(i), write.newValue());
                } catch (IOException e) {
                    throw IpcException.failure("the kernel refused " + write.key() + " = " + write.newValue() + ": "
                            + reason(e) + "; " + restore(writes.subList(0, i + 1)));
                }
            }
        } finally {
            for (FileChannel channel : channels) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // a /proc file: closing cannot lose data
                }
            }
        }
    }

    /** Writes each old value back through a new descriptor; says what it did, for the message. */
    public static String restore(List<Write> writes) {
        List<String> failed = new ArrayList<>();
        for (Write write : writes) {
            try (FileChannel channel = FileChannel.open(write.file(), StandardOpenOption.WRITE)) {
                writeOnce(channel, write.oldValue());
            } catch (IOException e) {
                failed.add(write.key() + " = " + write.oldValue() + " (" + reason(e) + ")");
            }
        }
        if (failed.isEmpty()) {
            return "the previous values are restored";
        }
        return "could not restore " + String.join(", ", failed);
    }

    private static FileChannel openForWriting(Write write) {
        try {
            return FileChannel.open(write.file(), StandardOpenOption.WRITE);
        } catch (AccessDeniedException e) {
            throw IpcException.failure("no permission to change " + write.key() + " (" + write.file()
                    + " is writable by root only): nothing changed");
        } catch (FileSystemException e) {
            if ("Read-only file system".equals(e.getReason())) {
                throw IpcException.failure("cannot change " + write.key() + ": " + write.file().getParent()
                        + " is read-only here (as in most containers): nothing changed");
            }
            throw IpcException.failure("cannot change " + write.key() + ": " + write.file() + ": " + reason(e)
                    + ": nothing changed");
        } catch (IOException e) {
            throw IpcException.failure("cannot change " + write.key() + ": " + write.file() + ": " + reason(e)
                    + ": nothing changed");
        }
    }

    private static void writeOnce(FileChannel channel, String value) throws IOException {
        byte[] bytes = (value + "\n").getBytes(StandardCharsets.US_ASCII);
        int written = channel.write(ByteBuffer.wrap(bytes));
        if (written != bytes.length) {
            throw new IOException("the kernel took " + written + " of " + bytes.length + " bytes");
        }
    }

    /** The system's text for a failed call ("Invalid argument"), without the file name Java puts before it. */
    static String reason(IOException e) {
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }
}

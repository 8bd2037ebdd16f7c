// Reads the IPC limits from /proc/sys/kernel and /proc/sys/fs/mqueue.
package dev.ipc.procfs;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.MessageLimits;
import dev.ipc.model.PosixQueueLimits;
import dev.ipc.model.SemaphoreLimits;
import dev.ipc.model.SharedMemoryLimits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

public final class KernelLimitsReader {
    private final Path kernel;
    private final Path mqueue;

    public KernelLimitsReader(SystemPaths paths) {
        this.kernel = paths.kernelSysctl();
        this.mqueue = paths.mqueueSysctl();
    }

    public IpcLimits limits() throws IOException {
        return new IpcLimits(messageLimits(), sharedMemoryLimits(), semaphoreLimits(), posixQueueLimits());
    }

    public MessageLimits messageLimits() throws IOException {
        return new MessageLimits(number(kernel, "msgmni"), number(kernel, "msgmax"), number(kernel, "msgmnb"));
    }

    public SharedMemoryLimits sharedMemoryLimits() throws IOException {
        return new SharedMemoryLimits(number(kernel, "shmmni"), unsigned(kernel, "shmmax"),
                unsigned(kernel, "shmall"), 1);
    }

    /** kernel.sem holds SEMMSL SEMMNS SEMOPM SEMMNI, in that order. */
    public SemaphoreLimits semaphoreLimits() throws IOException {
        List<String> fields = blankSeparated(ProcFile.readText(kernel.resolve("sem")));
        if (fields.size() != 4) {
            throw new IOException(kernel.resolve("sem") + ": expected 4 numbers, read " + fields.size());
        }
        return new SemaphoreLimits(Long.parseLong(fields.get(0)), Long.parseLong(fields.get(1)),
                Long.parseLong(fields.get(2)), Long.parseLong(fields.get(3)), SemaphoreLimits.SEMVMX);
    }

    /**
     * The fields between runs of blanks (tabs, spaces, the newline): cut by hand, as split("\\s+") compiles a
     * regular expression, the first of a sem tune run, with the JVM's lambda machinery behind it.
     */
    static List<String> blankSeparated(String text) {
        List<String> fields = new ArrayList<>(4);
        int at = 0;
        while (at < text.length()) {
            while (at < text.length() && text.charAt(at) <= ' ') {
                at++;
            }
            int start = at;
            while (at < text.length() && text.charAt(at) > ' ') {
                at++;
            }
            if (at > start) {
                fields.add(text.substring(start, at));
            }
        }
        return fields;
    }

    /** Empty where the kernel has no POSIX message queues. */
    public Optional<PosixQueueLimits> posixQueueLimits() throws IOException {
        if (!mqueue.toFile().isDirectory()) {
            return Optional.empty();
        }
        return Optional.of(new PosixQueueLimits(number(mqueue, "queues_max"), number(mqueue, "msg_max"),
                number(mqueue, "msgsize_max")));
    }

    private static long number(Path directory, String name) throws IOException {
        String text = ProcFile.readText(directory.resolve(name)).trim();
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(directory.resolve(name) + ": not a number: '" + text + "'");
        }
    }

    private static long unsigned(Path directory, String name) throws IOException {
        String text = ProcFile.readText(directory.resolve(name)).trim();
        try {
            return Long.parseUnsignedLong(text);
        } catch (NumberFormatException e) {
            throw new IOException(directory.resolve(name) + ": not a number: '" + text + "'");
        }
    }
}

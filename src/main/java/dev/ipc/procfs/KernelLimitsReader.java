// Reads the IPC limits from /proc/sys/kernel and /proc/sys/fs/mqueue.
package dev.ipc.procfs;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.MessageLimits;
import dev.ipc.model.PosixQueueLimits;
import dev.ipc.model.SemaphoreLimits;
import dev.ipc.model.SharedMemoryLimits;

import java.io.IOException;
import java.nio.file.Path;
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
        String[] fields = ProcFile.readText(kernel.resolve("sem")).trim().split("\\s+");
        if (fields.length != 4) {
            throw new IOException(kernel.resolve("sem") + ": expected 4 numbers, read " + fields.length);
        }
        return new SemaphoreLimits(Long.parseLong(fields[0]), Long.parseLong(fields[1]),
                Long.parseLong(fields[2]), Long.parseLong(fields[3]), SemaphoreLimits.SEMVMX);
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

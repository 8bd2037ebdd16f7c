// Whether a process sleeps in a given system call, as /proc/PID/task/TID/syscall shows it.
package dev.ipc.demo;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

public final class Syscalls {
    /** msgrcv's number on x86_64, the one ABI ipc's layouts are for. */
    public static final int MSGRCV = 70;

    private Syscalls() {
    }

    /**
     * True when one of the process's threads is inside the system call numbered number; empty when /proc does not
     * say (no permission, or the process is gone).
     */
    public static Optional<Boolean> sleepsIn(long pid, int number) {
        Path tasks = Path.of("/proc", Long.toString(pid), "task");
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(tasks)) {
            for (Path thread : threads) {
                String line = Files.readString(thread.resolve("syscall")).trim();
                if (line.startsWith(number + " ")) {
                    return Optional.of(true);
                }
            }
            return Optional.of(false);
        } catch (IOException | RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}

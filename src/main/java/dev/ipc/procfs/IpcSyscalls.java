// The numbers of the IPC calls a thread can sleep in, as /proc/PID/task/TID/syscall shows them, per architecture.
package dev.ipc.procfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** x86_64 has a table of its own; aarch64, riscv64 and loongarch64 share the kernel's generic one. */
public record IpcSyscalls(int msgsnd, int msgrcv, int semop, int semtimedop, int futex, int mqTimedsend,
                          int mqTimedreceive) {
    private static final IpcSyscalls X86_64 = new IpcSyscalls(69, 70, 65, 220, 202, 242, 243);
    private static final IpcSyscalls GENERIC = new IpcSyscalls(189, 188, 193, 192, 98, 182, 183);

    /** The table for a value of os.arch; empty where none is known (32-bit ABIs go through ipc() or *_time64). */
    public static Optional<IpcSyscalls> forArch(String arch) {
        return switch (arch) {
            case "amd64", "x86_64" -> Optional.of(X86_64);
            case "aarch64", "riscv64", "loongarch64" -> Optional.of(GENERIC);
            default -> Optional.empty();
        };
    }

    /** The table of the machine this JVM runs on. */
    public static Optional<IpcSyscalls> current() {
        return forArch(System.getProperty("os.arch", ""));
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

// A process's signal state as the kernel shows it in /proc/PID/status and /proc/PID/stat: what each thread blocks,
// what is pending for the whole process, how many signals are queued, and its process group.
package dev.ipc.procfs;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

public final class SignalState {
    private SignalState() {
    }

    /** SigBlk of every thread of the process (/proc/PID/task/TID/status), one mask per thread, bit n-1 for signal n. */
    public static List<Long> blockedPerThread(long pid) throws IOException {
        List<Long> masks = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    masks.add(mask(ProcFile.readText(task.resolve("status")), "SigBlk:"));
                } catch (IOException threadEnded) {
                    // a thread that ended while the list was read blocks nothing any more
                }
            }
        }
        return masks;
    }

    /** ShdPnd: the signals pending for the process as a whole (sent with kill or sigqueue to its pid). */
    public static long sharedPending(long pid) throws IOException {
        return mask(status(pid), "ShdPnd:");
    }

    /** SigQ: "queued/limit", the signals queued for the process's real user and RLIMIT_SIGPENDING. */
    public static String queued(long pid) throws IOException {
        return field(status(pid), "SigQ:");
    }

    /** The process group, the fifth field of /proc/PID/stat (after the command, which may hold blanks). */
    public static int processGroup(long pid) throws IOException {
        String stat = ProcFile.readText(Path.of("/proc", Long.toString(pid), "stat"));
        String[] after = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(after[2]);
    }

    /** Whether signal is in a mask as /proc prints it. */
    public static boolean has(long mask, int signal) {
        return ((mask >>> (signal - 1)) & 1) == 1;
    }

    private static String status(long pid) throws IOException {
        return ProcFile.readText(Path.of("/proc", Long.toString(pid), "status"));
    }

    private static long mask(String status, String name) throws IOException {
        return Long.parseUnsignedLong(field(status, name), 16);
    }

    private static String field(String status, String name) throws IOException {
        for (String line : status.split("\n")) {
            if (line.startsWith(name)) {
                return line.substring(name.length()).trim();
            }
        }
        throw new IOException("no " + name + " in /proc status");
    }
}

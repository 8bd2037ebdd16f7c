// Which System V queues and semaphore sets have threads asleep on them: one pass over /proc/PID/task/TID/syscall.
package dev.ipc.proc;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A thread asleep in msgsnd, msgrcv, semop or semtimedop shows the call's number and, as its first argument, the
 * queue's or set's id. Only processes of this process's IPC namespace count: the same id elsewhere is another
 * object. Reading a thread's file takes ptrace access (root, or one's own processes); a process that cannot be
 * read leaves the scan incomplete, and then nobody may conclude from it that no one waits.
 */
public final class SystemVWaiters {
    public enum Call { MSGSND, MSGRCV, SEMOP }

    /** One thread asleep in a call on the object with this id. */
    public record Waiter(int pid, int tid, Call call, int id) {
    }

    private final Map<Integer, List<Waiter>> onQueues = new HashMap<>();
    private final Map<Integer, List<Waiter>> onSets = new HashMap<>();
    private int uninspected;
    private String why;

    private SystemVWaiters() {
    }

    /** Every process of this machine's /proc, read once. */
    public static SystemVWaiters scan() {
        String arch = System.getProperty("os.arch", "");
        return scan(Path.of("/proc"), SystemVSyscalls.forArch(arch), arch);
    }

    static SystemVWaiters scan(Path proc, Optional<SystemVSyscalls> numbers, String arch) {
        SystemVWaiters waiters = new SystemVWaiters();
        // when it cannot be read, every process counts as one of ours: more objects look used, none less
        // thread-self: under --ns only this thread is in the namespace listed
        IpcNamespace ownNamespace = IpcNamespace.read(proc.resolve("thread-self/ns/ipc"));
        boolean sawInit = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
            for (Path process : entries) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    continue;
                }
                sawInit |= name.equals("1");
                if (numbers.isEmpty()) {
                    waiters.cannotInspect("no system call numbers known for os.arch " + arch);
                } else {
                    waiters.inspect(process, Integer.parseInt(name), ownNamespace, numbers.get());
                }
            }
        } catch (IOException e) {
            waiters.cannotInspect(proc + ": " + reason(e));
        }
        if (!sawInit) {
            // every PID namespace has a process 1: /proc hides it, and others, from us (mount option hidepid)
            waiters.cannotInspect("processes of other users are hidden in " + proc);
        }
        return waiters;
    }

    private void inspect(Path process, int pid, IpcNamespace ownNamespace, SystemVSyscalls numbers) {
        try {
            if (ownNamespace.id() != null && !ownNamespace.equals(IpcNamespace.of(process.resolve("ns/ipc")))) {
                return;
            }
            try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
                for (Path task : tasks) {
                    String line;
                    try {
                        line = readLine(task.resolve("syscall"));
                    } catch (IOException e) {
                        if (gone(e)) {
                            continue; // that thread has exited; its siblings may still wait
                        }
                        throw e;
                    }
                    record(line, pid, Integer.parseInt(task.getFileName().toString()), numbers);
                }
            }
        } catch (IOException e) {
            if (!gone(e)) {
                cannotInspect(reason(e));
            }
        }
    }

    /** "70 0x3 0x7ffd... ...": the call's number, then its arguments in hex; "running" or "-1 ..." otherwise. */
    private void record(String line, int pid, int tid, SystemVSyscalls numbers) {
        String[] fields = line.split(" ", 3);
        if (fields.length < 2 || !fields[1].startsWith("0x")) {
            return;
        }
        int number;
        try {
            number = Integer.parseInt(fields[0]);
        } catch (NumberFormatException notACall) {
            return;
        }
        Call call = number == numbers.msgsnd() ? Call.MSGSND : number == numbers.msgrcv() ? Call.MSGRCV
                : number == numbers.semop() || number == numbers.semtimedop() ? Call.SEMOP : null;
        if (call == null) {
            return;
        }
        // the id is an int passed in a 64-bit register
        int id = (int) Long.parseUnsignedLong(fields[1].substring(2), 16);
        Map<Integer, List<Waiter>> by = call == Call.SEMOP ? onSets : onQueues;
        by.computeIfAbsent(id, key -> new ArrayList<>()).add(new Waiter(pid, tid, call, id));
    }

    private void cannotInspect(String reason) {
        uninspected++;
        if (why == null) {
            why = reason;
        }
    }

    private static String readLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(512);
            return new String(bytes, StandardCharsets.US_ASCII).strip();
        }
    }

    /** The process or thread exited while it was read (ESRCH once it is being reaped). */
    private static boolean gone(IOException e) {
        return e instanceof NoSuchFileException || "No such process".equals(e.getMessage());
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }

    /** The threads asleep in msgsnd or msgrcv on this queue. */
    public List<Waiter> onQueue(int id) {
        return onQueues.getOrDefault(id, List.of());
    }

    /** The threads asleep in semop or semtimedop on this set. */
    public List<Waiter> onSet(int id) {
        return onSets.getOrDefault(id, List.of());
    }

    /** Whether every process of this IPC namespace could be read. */
    public boolean complete() {
        return uninspected == 0;
    }

    /** How many processes could not be read. */
    public int uninspected() {
        return uninspected;
    }

    /** Why the first of them could not be read ("Permission denied"), or null. */
    public String why() {
        return why;
    }
}

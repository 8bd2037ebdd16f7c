// Which System V objects no live process uses, and why: what a crashed application leaves behind.
package dev.ipc.state;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.util.Background;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * An object is in use when a process attaches it (maps), waits on it (semop, msgsnd, msgrcv), or when a live
 * process is its creator or last operator (a segment's cpid and lpid, a queue's lspid and lrpid, each semaphore's
 * sempid). "Live" guards against pid reuse: a process that started after the operation the kernel recorded the pid
 * for is another process (see {@link Operators}). Everything comes from one scan of /proc ({@link IpcUsers}), made
 * on the first object that needs it; where some processes could not be read, a queue with no other sign of use is
 * kept as possibly in use (a segment's nattch and a set's semncnt/semzcnt are counted by the kernel, whoever reads).
 * <p>
 * One instance serves one run: ls --orphans, rm --all --orphans (with --dry-run or not), ipc metrics; each
 * verdict carries its reason, "no attachments, creator 4121 gone, last change 3 days ago".
 */
public final class Orphans {
    /** Whether the object is an orphan, and why it is or is not. */
    public record Verdict(boolean orphan, String reason) {
    }

    private final SystemPaths paths;
    private final long now = System.currentTimeMillis() / 1000;
    private IpcUsers users;
    /** The narrower scan a named queue's removal makes: System V waiters only (see {@link #namedUses}). */
    private IpcUsers waiters;
    /** That scan, started on a thread of its own by {@link #scanQueueWaitersAhead}; null when not started. */
    private Background<IpcUsers> waitersAhead;
    private Operators operators;
    private int doubtful;

    public Orphans() {
        this(SystemPaths.fromSystemProperties());
    }

    public Orphans(SystemPaths paths) {
        this.paths = paths;
    }

    /**
     * Starts the scan that a removal of a queue named by the user needs (see {@link #users(SystemVObject)}) on a
     * thread of its own, so that it overlaps with the caller's work before the removal (the listing; for a key, the
     * look-up of its id); the thread inherits the caller's namespaces, --ns's among them.
     */
    public synchronized void scanQueueWaitersAhead() {
        if (users == null && waiters == null && waitersAhead == null) {
            waitersAhead = Background.start("queue waiters scan", new WaitersScan(paths));
        }
    }

    private record WaitersScan(SystemPaths paths) implements Callable<IpcUsers> {
        @Override
        public IpcUsers call() {
            return IpcUsers.scanSystemVWaiters(paths);
        }
    }

    /** The one scan of /proc, made on first use. */
    public synchronized IpcUsers users() {
        if (users == null) {
            users = IpcUsers.scan(paths, false);
            operators = new Operators(users);
        }
        return users;
    }

    public boolean orphan(SystemVObject object) {
        return verdict(object).orphan();
    }

    /** A set whose semaphores were read already (semctl), as ipc metrics reads them. */
    public boolean orphan(SemaphoreSet set, List<Semaphore> semaphores) {
        return verdict(set, semaphores).orphan();
    }

    /** The one decision; a semaphore set's semaphores are read with semctl (native, needs read permission). */
    public Verdict verdict(SystemVObject object) {
        if (object instanceof SharedMemorySegment segment) {
            return verdict(segment);
        }
        if (object instanceof MessageQueue queue) {
            return verdict(queue);
        }
        SemaphoreSet set = (SemaphoreSet) object;
        try {
            return verdict(set, SystemVCalls.semaphores(set.id(), set.count()));
        } catch (NativeCallException e) {
            return new Verdict(false, "its semaphores could not be read (" + e.description() + ")");
        }
    }

    private synchronized Verdict verdict(SharedMemorySegment segment) {
        users();
        List<String> used = new ArrayList<>();
        users.onSegment(segment.id()).forEach(use -> used.add("attached by " + use.pid()
                + (use.count() > 1 ? " (" + use.count() + " times)" : "")));
        if (used.isEmpty() && segment.attachCount() > 0) {
            used.add(segment.attachCount() + (segment.attachCount() == 1 ? " attachment" : " attachments"));
        }
        List<String> recorded = new ArrayList<>();
        recorded(used, recorded, "creator", segment.creatorPid(), segment.changeTime());
        recorded(used, recorded, "last shmat/shmdt", segment.lastPid(),
                Operators.latest(segment.attachTime(), segment.detachTime()));
        return decide(used, "no attachments", recorded, segment.changeTime());
    }

    private synchronized Verdict verdict(MessageQueue queue) {
        users();
        List<String> used = new ArrayList<>();
        users.onQueue(queue.id()).forEach(use -> used.add(use.pid() + " " + use.role().word()));
        List<String> recorded = new ArrayList<>();
        recorded(used, recorded, "last sender", queue.lastSendPid(), queue.sendTime());
        recorded(used, recorded, "last receiver", queue.lastReceivePid(), queue.receiveTime());
        if (used.isEmpty() && !users.complete()) {
            doubtful++; // an unread process may be the one waiting: possibly in use
            used.add("possibly in use: not every process could be inspected");
        }
        return decide(used, "no process waiting", recorded, queue.changeTime());
    }

    /** semncnt and semzcnt count the processes asleep in semop, whoever reads /proc. */
    private synchronized Verdict verdict(SemaphoreSet set, List<Semaphore> semaphores) {
        users();
        List<String> used = new ArrayList<>();
        users.onSet(set.id()).forEach(use -> used.add(use.pid() + " waiting"));
        int waiting = 0;
        for (Semaphore semaphore : semaphores) {
            waiting += semaphore.waitingForIncrease() + semaphore.waitingForZero();
        }
        if (used.isEmpty() && waiting > 0) {
            used.add(waiting + (waiting == 1 ? " process" : " processes") + " waiting");
        }
        // SETVAL and SETALL record the pid too, and move the change time, not the operation time
        OptionalLong when = Operators.latest(set.operationTime(), set.changeTime());
        List<String> recorded = new ArrayList<>();
        for (Semaphore semaphore : semaphores) {
            recorded(used, recorded, "semaphore " + semaphore.number() + " last operator", semaphore.lastPid(), when);
        }
        return decide(used, "no process waiting", recorded, set.changeTime());
    }

    /** Puts a live recorded pid among the uses, a gone or reused one among the reasons it is an orphan. */
    private void recorded(List<String> used, List<String> recorded, String role, int pid, OptionalLong when) {
        Operators.State state = operators.state(pid, when);
        if (state.alive()) {
            used.add(role + " " + pid + " alive");
        } else if (state != Operators.State.NEVER) {
            recorded.add(role + " " + pid + " " + state.word());
        }
    }

    private Verdict decide(List<String> used, String unused, List<String> recorded, OptionalLong changed) {
        if (!used.isEmpty()) {
            return new Verdict(false, "in use: " + String.join(", ", used));
        }
        List<String> reasons = new ArrayList<>();
        reasons.add(unused);
        reasons.addAll(recorded);
        if (recorded.isEmpty()) {
            reasons.add("never used");
        }
        changed.ifPresent(time -> reasons.add("last change " + ago(now - time)));
        return new Verdict(true, String.join(", ", reasons));
    }

    /**
     * The processes that attach, or wait on, the object now, for a removal the user asked for by id or key:
     * "812 attached (2 times), 815 attached"; empty when the scan shows none.
     */
    public synchronized Optional<String> users(SystemVObject object) {
        List<String> named = new ArrayList<>();
        for (IpcUsers.Use use : namedUses(object)) {
            named.add(use.pid() + " " + use.role().word() + (use.count() > 1 && use.role() == IpcUsers.Role.ATTACHED
                    ? " (" + use.count() + " times)" : ""));
        }
        return named.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", named));
    }

    /**
     * The uses of an object a removal names, scanning /proc only when the object shows a sign of use: a segment
     * with attachments, a set with waiters (GETNCNT, GETZCNT). A queue counts no waiters, so its users are
     * looked for, but only among the threads of this namespace's processes (no maps, no descriptors).
     */
    private List<IpcUsers.Use> namedUses(SystemVObject object) {
        if (users != null) {
            return uses(object);
        }
        if (object instanceof SharedMemorySegment segment) {
            return segment.attachCount() > 0 ? uses(object) : List.of();
        }
        if (object instanceof MessageQueue) {
            if (waiters == null) {
                waiters = waitersAhead != null ? waitersAhead.uncheckedAnswer() : IpcUsers.scanSystemVWaiters(paths);
            }
            return waiters.onQueue(object.id());
        }
        return hasWaiters((SemaphoreSet) object) ? uses(object) : List.of();
    }

    /** Whether a thread sleeps on one of the set's semaphores; true when the counts cannot be read. */
    private static boolean hasWaiters(SemaphoreSet set) {
        try {
            for (int number = 0; number < set.count(); number++) {
                if (SemaphoreCalls.waitingForIncrease(set.id(), number) > 0
                        || SemaphoreCalls.waitingForZero(set.id(), number) > 0) {
                    return true;
                }
            }
            return false;
        } catch (NativeCallException unreadable) {
            return true;
        }
    }

    /** What the scan saw of the object: attachments, or threads asleep on it. */
    private List<IpcUsers.Use> uses(SystemVObject object) {
        users();
        return object instanceof SharedMemorySegment ? users.onSegment(object.id())
                : object instanceof MessageQueue ? users.onQueue(object.id()) : users.onSet(object.id());
    }

    /** The pids of the processes that attach or wait on the object, in order, each once. */
    public synchronized List<String> pids(SystemVObject object) {
        return uses(object).stream().map(IpcUsers.Use::pid).distinct().sorted().map(String::valueOf).toList();
    }

    /** "3 days ago", "5 minutes ago", "just now". */
    static String ago(long seconds) {
        long[] units = {86400, 3600, 60, 1};
        String[] names = {"day", "hour", "minute", "second"};
        for (int i = 0; i < units.length; i++) {
            long n = seconds / units[i];
            if (n > 0) {
                return n + " " + names[i] + (n == 1 ? "" : "s") + " ago";
            }
        }
        return "just now";
    }

    /**
     * What to say once on stderr when queues were kept only because some processes could not be inspected, so
     * that nobody takes the listing for complete; empty when nothing was in doubt.
     */
    public synchronized Optional<String> doubts() {
        if (doubtful == 0) {
            return Optional.empty();
        }
        return Optional.of("could not inspect " + users.why().orElse("") + ": " + doubtful
                + (doubtful == 1 ? " message queue" : " message queues") + " they may be waiting on "
                + (doubtful == 1 ? "is" : "are") + " not counted as orphans");
    }
}

// Which System V objects no live process is known to use: what a crashed application leaves behind.
package dev.ipc.source;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.proc.IpcUsers;
import dev.ipc.proc.SystemPaths;
import dev.ipc.sys.NativeCallException;
import dev.ipc.sys.SystemVCalls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kernel records, per object, the last processes that used it: a segment's creator and last attacher (and
 * how many attachments are open), a queue's last sender and receiver, each semaphore's last operator. An object
 * is an orphan when none of them is alive (pid 0 means "never") and nobody waits on it: a process asleep in
 * msgrcv, msgsnd or semop uses the object whatever became of the one that made it. A queue or set has no
 * creator pid, so one that was created and never used is an orphan too; and a pid the kernel has handed to a
 * new process since makes the object look used. Liveness is /proc/PID, in this process's PID namespace.
 * <p>
 * One instance serves one run: ls --orphans and rm --all --orphans (with --dry-run or not) ask {@link #orphan}.
 */
public final class Orphans {
    /** Read on the first queue that needs it: a run with none never scans /proc. */
    private IpcUsers waiters;
    private int doubtful;

    /** The one decision; a semaphore set's state is read with semctl (native, needs read permission). */
    public boolean orphan(SystemVObject object) {
        if (object instanceof SharedMemorySegment segment) {
            return orphan(segment);
        }
        if (object instanceof MessageQueue queue) {
            return orphan(queue);
        }
        SemaphoreSet set = (SemaphoreSet) object;
        try {
            return orphan(SystemVCalls.semaphores(set.id(), set.count()));
        } catch (NativeCallException goneOrUnreadable) {
            return false; // removed meanwhile, or not ours to read: not known to be an orphan
        }
    }

    static boolean orphan(SharedMemorySegment segment) {
        return segment.attachCount() == 0 && !alive(segment.creatorPid()) && !alive(segment.lastPid());
    }

    /** No waiter shows in the queue itself: only the threads' own /proc files tell, read once per run. */
    private boolean orphan(MessageQueue queue) {
        if (alive(queue.lastSendPid()) || alive(queue.lastReceivePid())) {
            return false;
        }
        synchronized (this) {
            if (waiters == null) {
                waiters = IpcUsers.scan(SystemPaths.fromSystemProperties(), false);
            }
            if (!waiters.onQueue(queue.id()).isEmpty()) {
                return false;
            }
            if (!waiters.complete()) {
                doubtful++; // an unread process may be the one waiting: possibly in use
                return false;
            }
        }
        return true;
    }

    /** semncnt and semzcnt count the processes asleep in semop, so the set itself tells. */
    public static boolean orphan(List<Semaphore> semaphores) {
        return semaphores.stream().noneMatch(semaphore -> alive(semaphore.lastPid())
                || semaphore.waitingForIncrease() > 0 || semaphore.waitingForZero() > 0);
    }

    /**
     * What to say once on stderr when queues were kept only because some processes could not be inspected, so
     * that nobody takes the listing for complete; empty when nothing was in doubt.
     */
    public synchronized Optional<String> doubts() {
        if (doubtful == 0) {
            return Optional.empty();
        }
        return Optional.of("could not inspect " + waiters.why().orElse("") + ": " + doubtful + (doubtful == 1 ? " message queue" : " message queues")
                + " they may be waiting on " + (doubtful == 1 ? "is" : "are") + " not counted as orphans");
    }

    public static boolean alive(int pid) {
        return pid > 0 && Files.exists(Path.of("/proc", Integer.toString(pid)));
    }
}

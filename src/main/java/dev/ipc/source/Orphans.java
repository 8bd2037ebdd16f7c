// Which System V objects no live process is known to use: what a crashed application leaves behind.
package dev.ipc.source;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.sys.NativeCallException;
import dev.ipc.sys.SystemVCalls;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The kernel records, per object, the last processes that used it: a segment's creator and last attacher (and
 * how many attachments are open), a queue's last sender and receiver, each semaphore's last operator. An object
 * is an orphan when none of them is alive (pid 0 means "never"). A queue or set has no creator pid, so one that
 * was created and never used is an orphan too; and a pid the kernel has handed to a new process since makes the
 * object look used. Liveness is /proc/PID, in this process's PID namespace.
 */
public final class Orphans {
    private Orphans() {
    }

    /** Any of the three; a semaphore set's last operators are read with GETPID (native, needs read permission). */
    public static boolean orphan(SystemVObject object) {
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

    static boolean orphan(MessageQueue queue) {
        return !alive(queue.lastSendPid()) && !alive(queue.lastReceivePid());
    }

    static boolean orphan(List<Semaphore> semaphores) {
        return semaphores.stream().noneMatch(semaphore -> alive(semaphore.lastPid()));
    }

    public static boolean alive(int pid) {
        return pid > 0 && Files.exists(Path.of("/proc", Integer.toString(pid)));
    }
}

// IPC_STAT of the one object a command works on, with the failures a user can act on.
package dev.ipc.sysvcommon;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVCalls;

import java.util.Optional;

public final class Stat {
    private Stat() {
    }

    // Calls written out rather than passed as method references: a command runs each once, and linking a
    // method reference at start-up costs more than the call.

    /** The queue's msqid_ds; action names what the command is about to do, for a refusal ("receive from"). */
    public static MessageQueue queue(int id, String action) {
        try {
            return found(SystemVCalls.messageQueue(id), SystemVKind.QUEUE, id);
        } catch (NativeCallException e) {
            throw Failures.of(e, SystemVKind.QUEUE, id, action);
        }
    }

    public static SemaphoreSet semaphoreSet(int id, String action) {
        try {
            return found(SystemVCalls.semaphoreSet(id), SystemVKind.SEMAPHORE_SET, id);
        } catch (NativeCallException e) {
            throw Failures.of(e, SystemVKind.SEMAPHORE_SET, id, action);
        }
    }

    public static SharedMemorySegment segment(int id, String action) {
        try {
            return found(SystemVCalls.sharedMemorySegment(id), SystemVKind.SEGMENT, id);
        } catch (NativeCallException e) {
            throw Failures.of(e, SystemVKind.SEGMENT, id, action);
        }
    }

    private static <T> T found(Optional<T> object, SystemVKind kind, int id) {
        if (object.isEmpty()) {
            throw Failures.notFound(kind, id);
        }
        return object.get();
    }
}

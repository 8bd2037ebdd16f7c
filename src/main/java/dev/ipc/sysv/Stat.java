// IPC_STAT of the one object a command works on, with the failures a user can act on.
package dev.ipc.sysv;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.sys.NativeCallException;
import dev.ipc.sys.SystemVCalls;

import java.util.Optional;
import java.util.function.IntFunction;

public final class Stat {
    private Stat() {
    }

    /** The queue's msqid_ds; action names what the command is about to do, for a refusal ("receive from"). */
    public static MessageQueue queue(int id, String action) {
        return stat(SystemVKind.QUEUE, id, action, SystemVCalls::messageQueue);
    }

    public static SemaphoreSet semaphoreSet(int id, String action) {
        return stat(SystemVKind.SEMAPHORE_SET, id, action, SystemVCalls::semaphoreSet);
    }

    public static SharedMemorySegment segment(int id, String action) {
        return stat(SystemVKind.SEGMENT, id, action, SystemVCalls::sharedMemorySegment);
    }

    private static <T> T stat(SystemVKind kind, int id, String action, IntFunction<Optional<T>> call) {
        try {
            return call.apply(id).orElseThrow(() -> Failures.notFound(kind, id));
        } catch (NativeCallException e) {
            throw Failures.of(e, kind, id, action);
        }
    }
}

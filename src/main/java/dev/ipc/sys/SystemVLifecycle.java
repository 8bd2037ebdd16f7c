// Creating, finding and removing System V IPC objects: the get calls and IPC_RMID.
package dev.ipc.sys;

import dev.ipc.model.IpcResource;

import static dev.ipc.sys.IpcConstants.IPC_RMID;

/** Failures throw {@link NativeCallException}; ipcmk and ipcrm choose their message by its errno. */
public final class SystemVLifecycle {
    private SystemVLifecycle() {
    }

    /**
     * msgget, shmget or semget. size is the segment size for shared memory (an unsigned 64-bit size_t) and the
     * number of semaphores for a set; queues ignore it. Returns the id.
     */
    public static int get(IpcResource resource, int key, long size, int flags) {
        LibC libc = Native.libc();
        return switch (resource) {
            case MESSAGE_QUEUES -> Native.check("msgget", libc.msgget(key, flags));
            case SHARED_MEMORY -> Native.check("shmget", libc.shmget(key, size, flags));
            case SEMAPHORES -> Native.check("semget", libc.semget(key, (int) size, flags));
        };
    }

    /** IPC_RMID. */
    public static void remove(IpcResource resource, int id) {
        LibC libc = Native.libc();
        switch (resource) {
            case MESSAGE_QUEUES -> Native.check("msgctl(IPC_RMID)", libc.msgctl(id, IPC_RMID, null));
            case SHARED_MEMORY -> Native.check("shmctl(IPC_RMID)", libc.shmctl(id, IPC_RMID, null));
            case SEMAPHORES -> Native.check("semctl(IPC_RMID)", libc.semctl(id, 0, IPC_RMID, 0));
        }
    }

    /** The effective uid, for predicting what IPC_RMID would allow. */
    public static int effectiveUid() {
        return Native.libc().geteuid();
    }
}

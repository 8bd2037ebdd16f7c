// What every System V IPC object has: a key, an id, a mode and its owners.
package dev.ipc.model;

import java.util.OptionalLong;

public sealed interface SystemVObject permits MessageQueue, SharedMemorySegment, SemaphoreSet {
    /** The key as the kernel stores it (a signed 32-bit key_t); 0 is IPC_PRIVATE. */
    int key();

    int id();

    /** The full ipc_perm mode: permission bits plus, for segments, SHM_DEST and SHM_LOCKED. */
    int mode();

    IpcOwnership owner();

    /** Time of the last change (IPC_SET or creation), seconds since the epoch. */
    OptionalLong changeTime();

    default int permissions() {
        return mode() & 0777;
    }
}

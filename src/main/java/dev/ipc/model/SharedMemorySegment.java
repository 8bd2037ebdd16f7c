// One System V shared memory segment, as /proc/sysvipc/shm or shmctl(SHM_STAT) reports it.
package dev.ipc.model;

import java.util.OptionalLong;

/**
 * @param size          segment size in bytes, an unsigned 64-bit value (compare and print it as unsigned)
 * @param residentBytes bytes resident in memory, when known (/proc shows it; SHM_STAT does not)
 * @param swappedBytes  bytes swapped out, when known
 */
public record SharedMemorySegment(int key, int id, int mode, IpcOwnership owner,
                                  long size, int creatorPid, int lastPid, long attachCount,
                                  OptionalLong attachTime, OptionalLong detachTime, OptionalLong changeTime,
                                  OptionalLong residentBytes, OptionalLong swappedBytes) implements SystemVObject {
    /** The kernel's SHM_DEST mode bit: removed, destroyed when the last process detaches. */
    public static final int SHM_DEST = 01000;
    /** The kernel's SHM_LOCKED mode bit: locked in memory with SHM_LOCK. */
    public static final int SHM_LOCKED = 02000;

    public boolean markedForDestruction() {
        return (mode & SHM_DEST) != 0;
    }

    public boolean locked() {
        return (mode & SHM_LOCKED) != 0;
    }
}

// One POSIX shared memory object: a file in /dev/shm that is not a semaphore.
package dev.ipc.model;

/** @param modificationTime seconds since the epoch */
public record PosixSharedMemory(String name, long uid, long gid, int mode, long size, long modificationTime)
        implements PosixObject {
}

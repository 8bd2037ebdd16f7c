// One named POSIX semaphore: a /dev/shm/sem.NAME file holding a sem_t.
package dev.ipc.model;

import java.util.OptionalLong;

/** @param value the semaphore's value, when its file could be read */
public record PosixSemaphore(String name, long uid, long gid, int mode, OptionalLong value,
                             long modificationTime) implements PosixObject {
}

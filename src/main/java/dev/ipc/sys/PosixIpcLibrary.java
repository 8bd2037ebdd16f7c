// The POSIX IPC calls of libc (in libc.so.6 itself since glibc 2.34), bound only by commands that use them.
package dev.ipc.sys;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.annotations.Variadic;

/** A second narrow interface, so that System V work never pays for binding these. */
public interface PosixIpcLibrary {
    @SaveError
    int shm_open(String name, int flags, int mode);

    @SaveError
    int shm_unlink(String name);

    @SaveError
    int ftruncate(int fd, long length);

    @SaveError
    int close(int fd);

    /** mq_open is variadic: mode and attributes follow when O_CREAT is given. mqd_t is an int on Linux. */
    @SaveError
    @Variadic(fixedCount = 2)
    int mq_open(String name, int flags, int mode, Pointer attributes);

    @SaveError
    int mq_getattr(int queue, Pointer attributes);

    @SaveError
    int mq_close(int queue);

    @SaveError
    int mq_unlink(String name);

    /** sem_open is variadic: mode and value follow when O_CREAT is given. Returns SEM_FAILED (NULL) on failure. */
    @SaveError
    @Variadic(fixedCount = 2)
    Pointer sem_open(String name, int flags, int mode, int value);

    @SaveError
    int sem_close(Pointer semaphore);

    @SaveError
    int sem_unlink(String name);

    @IgnoreError
    int umask(int mask);
}

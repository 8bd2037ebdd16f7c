// The file, FIFO and poll calls of libc that the FIFO commands make: a narrow interface of its own, bound on
// first use, so that these commands never pay for binding the System V calls and the others never pay for these.
package dev.ipc.sys;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.annotations.Variadic;

/** Calls that can fail save errno; read it with {@link Native#errno()} right after a failure. */
public interface FileCalls {
    /** open and openat take their mode as a variadic argument. */
    @SaveError
    @Variadic(fixedCount = 2)
    int open(String path, int flags, int mode);

    @SaveError
    @Variadic(fixedCount = 3)
    int openat(int directory, String path, int flags, int mode);

    @SaveError
    long read(int fd, Pointer buffer, long count);

    @SaveError
    long write(int fd, Pointer buffer, long count);

    @SaveError
    int close(int fd);

    @SaveError
    int fstat(int fd, Pointer stat);

    @SaveError
    int fstatat(int directory, String path, Pointer stat, int flags);

    @SaveError
    int mkdir(String path, int mode);

    @SaveError
    int mkfifoat(int directory, String path, int mode);

    @SaveError
    int unlinkat(int directory, String path, int flags);

    @SaveError
    int fchmod(int fd, int mode);

    @SaveError
    int flock(int fd, int operation);

    @SaveError
    int poll(Pointer fds, long count, int timeoutMillis);

    @SaveError
    @Variadic(fixedCount = 2)
    int fcntl(int fd, int command, int argument);

    @IgnoreError
    int geteuid();

    @IgnoreError
    int getpid();
}

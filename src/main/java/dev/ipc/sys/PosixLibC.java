// The libc calls behind pipes and the processes at their ends: descriptors, posix_spawn, waitpid.
package dev.ipc.sys;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.Out;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.annotations.Variadic;

/**
 * A narrow interface of its own, not jnr-posix: jnr-posix's posix_spawnp drops the error code posix_spawn
 * returns (and its errno is stale after a success), its pipe() has no flags, and loading it costs twice as
 * long. Calls that can fail save errno; read it with {@link Posix#errno()} right after a failure.
 */
public interface PosixLibC {
    @SaveError
    int pipe2(@Out int[] fds, int flags);

    /** open(2) without O_CREAT, so without its variadic mode argument. */
    @SaveError
    int open(String path, int flags);

    @SaveError
    int close(int fd);

    @SaveError
    long read(int fd, Pointer buffer, long count);

    @SaveError
    long write(int fd, Pointer buffer, long count);

    @SaveError
    @Variadic(fixedCount = 2)
    int fcntl(int fd, int command, int argument);

    /** struct pollfd is {int fd; short events; short revents;}: 8 bytes. */
    @SaveError
    int poll(Pointer fds, long count, int timeoutMillis);

    @SaveError
    int waitpid(int pid, @Out int[] status, int options);

    @SaveError
    int kill(int pid, int signal);

    /** For pidfd_open, which glibc wraps only from 2.36. */
    @SaveError
    @Variadic(fixedCount = 1)
    long syscall(long number, long first, long second);

    @IgnoreError
    int getpid();

    // posix_spawn and its helpers return an error number; they do not set errno.

    @IgnoreError
    int posix_spawn(@Out int[] pid, String path, Pointer fileActions, Pointer attributes, Pointer argv,
                    Pointer envp);

    @IgnoreError
    int posix_spawn_file_actions_init(Pointer actions);

    @IgnoreError
    int posix_spawn_file_actions_destroy(Pointer actions);

    @IgnoreError
    int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newFd);

    @IgnoreError
    int posix_spawn_file_actions_addclose(Pointer actions, int fd);

    /** glibc 2.34 and later: close_range(fd, ~0U, 0) in the child. */
    @IgnoreError
    int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int fromFd);

    @IgnoreError
    int posix_spawnattr_init(Pointer attributes);

    @IgnoreError
    int posix_spawnattr_destroy(Pointer attributes);

    @IgnoreError
    int posix_spawnattr_setflags(Pointer attributes, short flags);

    @IgnoreError
    int posix_spawnattr_setsigmask(Pointer attributes, Pointer mask);

    @IgnoreError
    int posix_spawnattr_setsigdefault(Pointer attributes, Pointer signals);

    @IgnoreError
    int sigemptyset(Pointer set);

    @IgnoreError
    int sigaddset(Pointer set, int signal);
}

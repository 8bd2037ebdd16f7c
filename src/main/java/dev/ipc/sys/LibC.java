// The narrow slice of libc that ipc calls. Kept small on purpose: jnr binds it faster than jnr-posix's.
package dev.ipc.sys;

import jnr.ffi.Pointer;
import jnr.ffi.annotations.IgnoreError;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.annotations.Variadic;

/** Calls that can fail save errno; read it with {@link Native#errno()} right after a failure. */
public interface LibC {
    @SaveError
    int msgget(int key, int flags);

    @SaveError
    int msgctl(int id, int command, Pointer buffer);

    @SaveError
    int msgsnd(int id, Pointer message, long size, int flags);

    @SaveError
    long msgrcv(int id, Pointer message, long size, long type, int flags);

    @SaveError
    int shmget(int key, long size, int flags);

    @SaveError
    int shmctl(int id, int command, Pointer buffer);

    /** Returns (void *) -1 on failure. */
    @SaveError
    long shmat(int id, Pointer address, int flags);

    @SaveError
    int shmdt(long address);

    @SaveError
    int semget(int key, int count, int flags);

    /** semctl is variadic; its fourth argument is union semun, passed as a value or an address. */
    @SaveError
    @Variadic(fixedCount = 3)
    int semctl(int id, int number, int command, long argument);

    @SaveError
    int semop(int id, Pointer operations, long count);

    @SaveError
    int semtimedop(int id, Pointer operations, long count, Pointer timeout);

    @SaveError
    int ftok(String path, int projectId);

    @IgnoreError
    Pointer getpwuid(int uid);

    @IgnoreError
    Pointer getgrgid(int gid);

    @IgnoreError
    String strerror(int errno);

    @IgnoreError
    int getpagesize();

    // ipc mk and ipc rm: who we are (to predict permission in --dry-run) and users named by --owner.
    @IgnoreError
    int geteuid();

    @IgnoreError
    Pointer getpwnam(String name);

    // ipc msg|sem|shm operations and demos: the thread to interrupt in a timed wait, groups named by --group.
    /** The calling thread's kernel id, the target of {@link #tgkill}. */
    @IgnoreError
    int gettid();

    @IgnoreError
    int getpid();

    /** Interrupts a blocking System V call in one thread: the kernel never restarts those (signal(7)). */
    @SaveError
    int tgkill(int tgid, int tid, int signal);

    @IgnoreError
    Pointer getgrnam(String name);
}

// Loads the pipe and process calls on first use; checked wrappers, the constants they take, and names for
// errno values and signals as C headers spell them.
package dev.ipc.sys;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

public final class Posix {
    // <fcntl.h>, <poll.h>, <signal.h>, <sys/wait.h>, <limits.h> on Linux x86_64.
    public static final int O_NONBLOCK = 04000;
    public static final int O_CLOEXEC = 02000000;
    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int F_SETPIPE_SZ = 1031;
    public static final int F_GETPIPE_SZ = 1032;
    public static final short POLLIN = 0x1;
    public static final int SIGKILL = 9;
    public static final int SIGPIPE = 13;
    public static final int PIPE_BUF = 4096;
    public static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    public static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    private static final long SYS_PIDFD_OPEN = 434;

    private Posix() {
    }

    /** Holder idiom: libc is bound the first time a demo makes a call, never by commands that need none. */
    private static final class Holder {
        static final PosixLibC LIBC = LibraryLoader.create(PosixLibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    public static PosixLibC libc() {
        return Holder.LIBC;
    }

    public static Runtime runtime() {
        return Holder.RUNTIME;
    }

    /** errno of this thread's last failed call; read it before any other native call. */
    public static int errno() {
        return LastError.getLastError(Holder.RUNTIME);
    }

    public static Pointer allocate(long size) {
        return Memory.allocateDirect(Holder.RUNTIME, (int) size, true);
    }

    /** "EAGAIN" for 11: the name C headers and strace use. */
    public static String errnoName(int errno) {
        jnr.constants.platform.Errno known = jnr.constants.platform.Errno.valueOf(errno);
        return known.defined() ? known.name() : "errno " + errno;
    }

    /** strerror's text in the C locale: "Resource temporarily unavailable" for EAGAIN. */
    public static String describe(int errno) {
        jnr.constants.platform.Errno known = jnr.constants.platform.Errno.valueOf(errno);
        return known.defined() ? known.description() : "Unknown error " + errno;
    }

    /** "SIGPIPE" for 13. */
    public static String signalName(int signal) {
        jnr.constants.platform.Signal known = jnr.constants.platform.Signal.valueOf(signal);
        return known.defined() ? known.name() : "signal " + signal;
    }

    public static NativeCallException failure(String call, int errno) {
        return new NativeCallException(call, errno, describe(errno));
    }

    /** pipe2(fds, flags): fds[0] is the read end, fds[1] the write end. */
    public static int[] pipe2(int flags) {
        int[] fds = new int[2];
        if (libc().pipe2(fds, flags) != 0) {
            throw failure("pipe2", errno());
        }
        return fds;
    }

    /**
     * Waits at most timeoutMillis (-1: for ever) for one of events on fd; returns the events that happened,
     * 0 on timeout. A signal that interrupts the wait only restarts it.
     */
    public static int poll(int fd, short events, int timeoutMillis) {
        Pointer pollfd = allocate(8);
        pollfd.putInt(0, fd);
        pollfd.putShort(4, events);
        while (true) {
            int ready = libc().poll(pollfd, 1, timeoutMillis);
            if (ready >= 0) {
                return ready == 0 ? 0 : pollfd.getShort(6);
            }
            int errno = errno();
            if (errno != Errno.EINTR) {
                throw failure("poll", errno);
            }
        }
    }

    /**
     * A close-on-exec descriptor that polls readable once the process has exited (Linux 5.3), or -1 where
     * none can be had (an older kernel, no descriptor left): the caller then waits without a time limit.
     */
    public static int pidfdOpen(int pid) {
        return (int) libc().syscall(SYS_PIDFD_OPEN, pid, 0);
    }

    /** waitpid(pid, &status, 0): waits for the child to end and returns its raw status. */
    public static int waitpid(int pid) {
        int[] status = new int[1];
        while (libc().waitpid(pid, status, 0) != pid) {
            int errno = errno();
            if (errno != Errno.EINTR) {
                throw failure("waitpid(" + pid + ")", errno);
            }
        }
        return status[0];
    }
}

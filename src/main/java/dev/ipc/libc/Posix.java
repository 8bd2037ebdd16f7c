// Checked wrappers of the pipe and process calls, and the constants only they take.
package dev.ipc.libc;

public final class Posix {
    // <signal.h>, <spawn.h>, <sys/syscall.h> on Linux x86_64; FileLayoutsTest checks them against the headers.
    public static final int SIGKILL = 9;
    public static final int SIGPIPE = 13;
    public static final short POSIX_SPAWN_SETSIGDEF = 0x04;
    public static final short POSIX_SPAWN_SETSIGMASK = 0x08;
    public static final long SYS_PIDFD_OPEN = 434;

    private Posix() {
    }

    /** pipe2(fds, flags): fds[0] is the read end, fds[1] the write end. */
    public static int[] pipe2(int flags) {
        int[] fds = new int[2];
        if (Native.libc().pipe2(fds, flags) != 0) {
            throw Native.failure("pipe2");
        }
        return fds;
    }

    /**
     * Waits at most timeoutMillis (-1: for ever) for one of events on fd; returns the events that happened,
     * 0 on timeout. A signal that interrupts the wait only restarts it.
     */
    public static int poll(int fd, short events, int timeoutMillis) {
        Pointer pollfd = Native.allocate(Layouts.POLLFD_SIZE);
        pollfd.putInt(Layouts.POLLFD_FD, fd);
        pollfd.putShort(Layouts.POLLFD_EVENTS, events);
        while (true) {
            int ready = Native.libc().poll(pollfd, 1, timeoutMillis);
            if (ready >= 0) {
                return ready == 0 ? 0 : pollfd.getShort(Layouts.POLLFD_REVENTS);
            }
            int errno = Native.errno();
            if (errno != Errno.EINTR) {
                throw Native.failure("poll", errno);
            }
        }
    }

    /**
     * A close-on-exec descriptor that polls readable once the process has exited (Linux 5.3), or -1 where
     * none can be had (an older kernel, no descriptor left): the caller then waits without a time limit.
     */
    public static int pidfdOpen(int pid) {
        return (int) Native.libc().syscall(SYS_PIDFD_OPEN, pid, 0);
    }

    /** waitpid(pid, &status, 0): waits for the child to end and returns its raw status. */
    public static int waitpid(int pid) {
        int[] status = new int[1];
        while (Native.libc().waitpid(pid, status, 0) != pid) {
            int errno = Native.errno();
            if (errno != Errno.EINTR) {
                throw Native.failure("waitpid(" + pid + ")", errno);
            }
        }
        return status[0];
    }
}

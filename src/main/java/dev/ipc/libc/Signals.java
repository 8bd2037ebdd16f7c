// Checked wrappers of the signal calls (kill, sigqueue, signalfd, pthread_sigmask, waitpid without waiting), the
// siginfo a signalfd gives, and the constants only they take.
package dev.ipc.libc;

public final class Signals {
    // <signal.h>, <sys/signalfd.h>, <sys/wait.h>, <spawn.h> on Linux glibc; FileLayoutsTest checks them.
    public static final int SIGUSR1 = 10;
    public static final int SIGTERM = 15;
    public static final int SIGCHLD = 17;
    /** glibc's: the kernel's real-time signals start at 32, and glibc keeps 32 and 33 for its threads. */
    public static final int SIGRTMIN = 34;
    public static final int SIGRTMAX = 64;
    public static final int SIG_BLOCK = 0;
    public static final int SFD_NONBLOCK = 04000;
    public static final int SFD_CLOEXEC = 02000000;
    public static final short POSIX_SPAWN_SETPGROUP = 0x02;
    public static final int WNOHANG = 1;
    public static final int SI_USER = 0;
    public static final int SI_QUEUE = -1;
    public static final int CLD_EXITED = 1;
    public static final int CLD_KILLED = 2;
    public static final int CLD_DUMPED = 3;

    private Signals() {
    }

    /** What read() on a signalfd gives for one signal taken: struct signalfd_siginfo's fields the demos show. */
    public record Info(int signal, int code, int pid, int uid, int status, int value) {
    }

    /** A reaped child: its pid and raw wait status. */
    public record Reaped(int pid, int status) {
    }

    /** kill(pid, signal); pid -PGID sends to every process of that group. */
    public static void kill(int pid, int signal) {
        Native.check("kill(" + pid + ", " + name(signal) + ")", Native.libc().kill(pid, signal));
    }

    /** sigqueue(pid, signal, {.sival_int = value}). */
    public static void sigqueue(int pid, int signal, int value) {
        Native.check("sigqueue(" + pid + ", " + name(signal) + ")", Native.libc().sigqueue(pid, signal, value));
    }

    /** A sigset_t holding these signals. */
    public static Pointer set(int... signals) {
        Pointer set = Native.allocate(Layouts.SIGSET_SIZE);
        Native.libc().sigemptyset(set);
        for (int signal : signals) {
            if (Native.libc().sigaddset(set, signal) != 0) {
                throw Native.failure("sigaddset(" + name(signal) + ")");
            }
        }
        return set;
    }

    /** Whether the calling thread has signal blocked: pthread_sigmask(SIG_BLOCK, NULL, &old). */
    public static boolean blockedHere(int signal) {
        Pointer old = Native.allocate(Layouts.SIGSET_SIZE);
        int error = Native.libc().pthread_sigmask(SIG_BLOCK, null, old);
        if (error != 0) {
            throw Native.failure("pthread_sigmask", error);
        }
        return Native.libc().sigismember(old, signal) == 1;
    }

    /** A non-blocking, close-on-exec signalfd that takes these signals (they must be blocked to stay pending). */
    public static int signalfd(int... signals) {
        return Native.check("signalfd", Native.libc().signalfd(-1, set(signals), SFD_CLOEXEC | SFD_NONBLOCK));
    }

    /** Takes one pending signal from a non-blocking signalfd, or returns null when none is pending. */
    public static Info take(int fd) {
        Pointer buffer = Native.allocate(Layouts.SIGNALFD_SIGINFO_SIZE);
        while (true) {
            long read = Native.libc().read(fd, buffer, Layouts.SIGNALFD_SIGINFO_SIZE);
            if (read == Layouts.SIGNALFD_SIGINFO_SIZE) {
                return new Info(buffer.getInt(Layouts.SSI_SIGNO), buffer.getInt(Layouts.SSI_CODE),
                        buffer.getInt(Layouts.SSI_PID), buffer.getInt(Layouts.SSI_UID),
                        buffer.getInt(Layouts.SSI_STATUS), buffer.getInt(Layouts.SSI_INT));
            }
            int errno = Native.errno();
            if (read < 0 && errno == Errno.EAGAIN) {
                return null;
            }
            if (read >= 0 || errno != Errno.EINTR) {
                throw read >= 0 ? new NativeCallException("read(signalfd)", Errno.EIO, "short read of " + read
                        + " bytes") : Native.failure("read(signalfd)", errno);
            }
        }
    }

    /** waitpid(-1, &status, WNOHANG): a child that has ended, reaped, or null when none has (or none is left). */
    public static Reaped reapAny() {
        int[] status = new int[1];
        while (true) {
            int pid = Native.libc().waitpid(-1, status, WNOHANG);
            if (pid > 0) {
                return new Reaped(pid, status[0]);
            }
            if (pid == 0) {
                return null;
            }
            int errno = Native.errno();
            if (errno == Errno.ECHILD) {
                return null;
            }
            if (errno != Errno.EINTR) {
                throw Native.failure("waitpid", errno);
            }
        }
    }

    /** waitpid(pid, &status, WNOHANG): the raw status once reaped, or -1 while the child still runs. */
    public static int reapIfEnded(int pid) {
        int[] status = new int[1];
        while (true) {
            int result = Native.libc().waitpid(pid, status, WNOHANG);
            if (result == pid) {
                return status[0];
            }
            if (result == 0) {
                return -1;
            }
            int errno = Native.errno();
            if (errno != Errno.EINTR) {
                throw Native.failure("waitpid(" + pid + ")", errno);
            }
        }
    }

    public static int processGroup(int pid) {
        return Native.check("getpgid(" + pid + ")", Native.libc().getpgid(pid));
    }

    /** "SIGUSR1", and "SIGRTMIN+1" for real-time signals, counted from glibc's SIGRTMIN as programs name them. */
    public static String name(int signal) {
        if (signal >= SIGRTMIN && signal <= SIGRTMAX) {
            return signal == SIGRTMIN ? "SIGRTMIN" : "SIGRTMIN+" + (signal - SIGRTMIN);
        }
        return Native.signalName(signal);
    }

    /** As strace spells a signal: "SIGUSR1", and "SIGRT_2" for the kernel's real-time signal 32 + 2. */
    public static String straceName(int signal) {
        return signal >= 32 && signal <= SIGRTMAX ? "SIGRT_" + (signal - 32) : Native.signalName(signal);
    }
}

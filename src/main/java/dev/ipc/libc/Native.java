// The one way into libc: the binding, errno of the last failed call, native memory, and failed calls turned into
// exceptions that carry the call's name and errno.
package dev.ipc.libc;

import com.kenai.jffi.LastError;

public final class Native {
    private Native() {
    }

    /** Each function binds on its first call, so that commands that call nothing (ls from /proc) bind nothing. */
    public static LibC libc() {
        return LibC.INSTANCE;
    }

    /** errno of this thread's last failed call, saved by jffi right after it; read it before any other call. */
    public static int errno() {
        return LastError.getInstance().get();
    }

    /** Native memory, zeroed, freed once nothing refers to it. */
    public static Pointer allocate(long size) {
        return Pointer.allocate(size);
    }

    /** strerror's text: "Resource temporarily unavailable" for EAGAIN. */
    public static String describe(int errno) {
        return LibC.INSTANCE.strerror(errno);
    }

    /** "EAGAIN" for 11: the name C headers and strace use. */
    public static String errnoName(int errno) {
        String name;
        try {
            name = LibC.INSTANCE.strerrorname_np(errno);
        } catch (UnsatisfiedLinkError beforeGlibc232) {
            name = null;
        }
        return name != null ? name : "errno " + errno;
    }

    /** "SIGPIPE" for 13. */
    public static String signalName(int signal) {
        String name;
        try {
            name = LibC.INSTANCE.sigabbrev_np(signal);
        } catch (UnsatisfiedLinkError beforeGlibc232) {
            name = null;
        }
        return name != null ? "SIG" + name : "signal " + signal;
    }

    /** The exception for the call that just failed; read errno before any other native call. */
    public static NativeCallException failure(String call) {
        return failure(call, errno());
    }

    /** The exception for a call that failed with this error (posix_spawn returns it rather than setting errno). */
    public static NativeCallException failure(String call, int errno) {
        return new NativeCallException(call, errno, describe(errno));
    }

    /** Returns result, or throws for -1. */
    public static int check(String call, int result) {
        if (result == -1) {
            throw failure(call);
        }
        return result;
    }

    public static long check(String call, long result) {
        if (result == -1) {
            throw failure(call);
        }
        return result;
    }
}

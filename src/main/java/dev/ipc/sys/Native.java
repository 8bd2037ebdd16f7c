// Loads libc on first use and turns failed calls into exceptions that carry the call's name and errno.
package dev.ipc.sys;

import jnr.ffi.LastError;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

public final class Native {
    private Native() {
    }

    /** Holder idiom: libc is bound the first time a native call is made, never on the /proc path. */
    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Runtime RUNTIME = Runtime.getRuntime(LIBC);
    }

    public static LibC libc() {
        return Holder.LIBC;
    }

    public static Runtime runtime() {
        return Holder.RUNTIME;
    }

    /** errno of the last failed call on this thread, of any binding (errno lives in the runtime, not in libc's). */
    public static int errno() {
        return LastError.getLastError(Runtime.getSystemRuntime());
    }

    /** Native memory, zeroed; binds nothing, so commands that never call libc's System V side never load it. */
    public static Pointer allocate(int size) {
        return Memory.allocateDirect(Runtime.getSystemRuntime(), size, true);
    }

    public static String describe(int errno) {
        return Holder.LIBC.strerror(errno);
    }

    /** The exception for the call that just failed; read errno before any other native call. */
    public static NativeCallException failure(String call) {
        int errno = errno();
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

// Binds FileCalls, the FIFO commands' slice of libc, on first use. Errors go through Native like any other call's.
package dev.ipc.sys;

import jnr.ffi.LibraryLoader;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

import java.nio.ByteBuffer;

public final class NativeFiles {
    private NativeFiles() {
    }

    /** Holder idiom: bound the first time a FIFO command makes a call. */
    private static final class Holder {
        static final FileCalls CALLS = LibraryLoader.create(FileCalls.class).load("c");
    }

    public static FileCalls libc() {
        return Holder.CALLS;
    }

    /**
     * A pointer to the start of a direct buffer's memory, whatever its position: native calls read and write
     * it, Java reads it as a buffer. (jnr's own wrap starts at the position the buffer has at that moment.)
     */
    public static Pointer wrap(ByteBuffer direct) {
        return Pointer.wrap(Runtime.getSystemRuntime(), direct.duplicate().clear());
    }
}

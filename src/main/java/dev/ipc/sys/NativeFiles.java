// The name the FIFO commands reach libc by: the same single binding as every other command's.
package dev.ipc.sys;

public final class NativeFiles {
    private NativeFiles() {
    }

    public static LibC libc() {
        return Native.libc();
    }
}

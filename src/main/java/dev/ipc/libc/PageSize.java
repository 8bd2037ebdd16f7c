// The machine's page size at run time, without loading native bindings.
package dev.ipc.libc;

public final class PageSize {
    private PageSize() {
    }

    /** sun.misc.Unsafe.pageSize() is getpagesize(2); jdk.unsupported exports it to every module. */
    public static long get() {
        return TheUnsafe.UNSAFE != null ? TheUnsafe.UNSAFE.pageSize() : Native.libc().getpagesize();
    }
}

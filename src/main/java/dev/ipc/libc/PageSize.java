// The machine's page size at run time, without loading native bindings.
package dev.ipc.libc;

import java.lang.reflect.Field;

public final class PageSize {
    private PageSize() {
    }

    /** sun.misc.Unsafe.pageSize() is getpagesize(2); jdk.unsupported exports it to every module. */
    public static long get() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return ((sun.misc.Unsafe) field.get(null)).pageSize();
        } catch (ReflectiveOperationException e) {
            return Native.libc().getpagesize();
        }
    }
}

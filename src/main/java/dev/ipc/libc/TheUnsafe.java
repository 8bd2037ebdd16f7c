// sun.misc.Unsafe, looked up once for the package: the page size, and short copies between arrays and native memory.
package dev.ipc.libc;

import java.lang.reflect.Field;

/**
 * jdk.unsupported exports sun.misc to every module, and jffi reads and writes native memory through it already (so
 * the launcher allows its memory access on JDK 23 and later). Null where a JVM does not offer it: callers then take
 * another way.
 */
final class TheUnsafe {
    static final sun.misc.Unsafe UNSAFE = find();
    /** Where a byte[]'s first element lies, from the array's start. */
    static final long BYTES = UNSAFE == null ? 0 : UNSAFE.arrayBaseOffset(byte[].class);

    private TheUnsafe() {
    }

    private static sun.misc.Unsafe find() {
        try {
            Field field = sun.misc.Unsafe.class.getDeclaredField("theUnsafe");
            field.setAccessible(true);
            return (sun.misc.Unsafe) field.get(null);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}

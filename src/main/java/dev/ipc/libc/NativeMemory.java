// Reads, writes, allocates and frees native memory by address: through sun.misc.Unsafe, which the JVM compiles in
// place, or through jffi's MemoryIO on a JVM without it.
package dev.ipc.libc;

import com.kenai.jffi.MemoryIO;

import java.nio.Buffer;
import java.nio.ByteBuffer;
import java.util.Objects;

import static dev.ipc.libc.TheUnsafe.BYTES;
import static dev.ipc.libc.TheUnsafe.UNSAFE;

/**
 * jffi's MemoryIO does the same through Unsafe, but sets itself up by looking up twenty of Unsafe's methods by
 * reflection to check they are there, on every native command; nothing of that is needed where Unsafe is at hand.
 * Addresses are not checked here: {@link Pointer} checks every access against its memory's size; the arrays of
 * copies are, since a copy outside one would overwrite the JVM's heap.
 */
final class NativeMemory {
    /**
     * Arrays up to this many bytes (a message's text, a ring's item) are copied eight bytes at a time by the JVM's
     * own memory access, which the compiler puts in place; longer ones by one native copy (Unsafe.copyMemory),
     * which then costs less than the loop. Such a call costs more than copying 64 bytes in place
     * (scripts/bench-native-call).
     */
    private static final int SHORT_COPY = 64;
    /** Where java.nio.Buffer keeps a direct buffer's address; -1 where it cannot be found. */
    private static final long BUFFER_ADDRESS = bufferAddressOffset();

    private NativeMemory() {
    }

    /** size bytes from malloc, zeroed when asked; free them with {@link #free}. */
    static long allocate(long size, boolean clear) {
        if (UNSAFE == null) {
            return Jffi.IO.allocateMemory(size, clear);
        }
        long address = UNSAFE.allocateMemory(Math.max(size, 1));
        if (clear) {
            UNSAFE.setMemory(address, Math.max(size, 1), (byte) 0);
        }
        return address;
    }

    static void free(long address) {
        if (UNSAFE == null) {
            Jffi.IO.freeMemory(address);
        } else {
            UNSAFE.freeMemory(address);
        }
    }

    /** The first byte of a direct buffer's memory, whatever its position. */
    static long address(ByteBuffer direct) {
        if (!direct.isDirect()) {
            throw new IllegalArgumentException("not a direct buffer");
        }
        return BUFFER_ADDRESS < 0 ? Jffi.IO.getDirectBufferAddress(direct) : UNSAFE.getLong(direct, BUFFER_ADDRESS);
    }

    static byte getByte(long address) {
        return UNSAFE == null ? Jffi.IO.getByte(address) : UNSAFE.getByte(address);
    }

    static void putByte(long address, byte value) {
        if (UNSAFE == null) {
            Jffi.IO.putByte(address, value);
        } else {
            UNSAFE.putByte(address, value);
        }
    }

    static short getShort(long address) {
        return UNSAFE == null ? Jffi.IO.getShort(address) : UNSAFE.getShort(address);
    }

    static void putShort(long address, short value) {
        if (UNSAFE == null) {
            Jffi.IO.putShort(address, value);
        } else {
            UNSAFE.putShort(address, value);
        }
    }

    static int getInt(long address) {
        return UNSAFE == null ? Jffi.IO.getInt(address) : UNSAFE.getInt(address);
    }

    static void putInt(long address, int value) {
        if (UNSAFE == null) {
            Jffi.IO.putInt(address, value);
        } else {
            UNSAFE.putInt(address, value);
        }
    }

    static long getLong(long address) {
        return UNSAFE == null ? Jffi.IO.getLong(address) : UNSAFE.getLong(address);
    }

    static void putLong(long address, long value) {
        if (UNSAFE == null) {
            Jffi.IO.putLong(address, value);
        } else {
            UNSAFE.putLong(address, value);
        }
    }

    /** length bytes at address into the array from index from. */
    static void get(long address, byte[] into, int from, int length) {
        Objects.checkFromIndexSize(from, length, into.length);
        if (UNSAFE == null) {
            Jffi.IO.getByteArray(address, into, from, length);
        } else if (length <= SHORT_COPY) {
            shortCopy(null, address, into, BYTES + from, length);
        } else {
            UNSAFE.copyMemory(null, address, into, BYTES + from, length);
        }
    }

    /** length bytes of the array from index from, to address. */
    static void put(long address, byte[] data, int from, int length) {
        Objects.checkFromIndexSize(from, length, data.length);
        if (UNSAFE == null) {
            Jffi.IO.putByteArray(address, data, from, length);
        } else if (length <= SHORT_COPY) {
            shortCopy(data, BYTES + from, null, address, length);
        } else {
            UNSAFE.copyMemory(data, BYTES + from, null, address, length);
        }
    }

    /**
     * Copies length bytes, eight at a time, then the rest one by one, between a byte array and native memory: a
     * null base makes its offset an address, as Unsafe reads it.
     */
    private static void shortCopy(Object fromBase, long fromOffset, Object toBase, long toOffset, int length) {
        int i = 0;
        for (; i <= length - 8; i += 8) {
            UNSAFE.putLong(toBase, toOffset + i, UNSAFE.getLong(fromBase, fromOffset + i));
        }
        for (; i < length; i++) {
            UNSAFE.putByte(toBase, toOffset + i, UNSAFE.getByte(fromBase, fromOffset + i));
        }
    }

    /** The bytes before the first NUL at address. */
    static byte[] zeroTerminated(long address) {
        if (UNSAFE == null) {
            return Jffi.IO.getZeroTerminatedByteArray(address);
        }
        int length = 0;
        while (UNSAFE.getByte(address + length) != 0) {
            length++;
        }
        byte[] bytes = new byte[length];
        get(address, bytes, 0, length);
        return bytes;
    }

    /** The bytes and a NUL after them, at address (length + 1 bytes). */
    static void putZeroTerminated(long address, byte[] bytes) {
        put(address, bytes, 0, bytes.length);
        putByte(address + bytes.length, (byte) 0);
    }

    private static long bufferAddressOffset() {
        if (UNSAFE == null) {
            return -1;
        }
        try {
            return UNSAFE.objectFieldOffset(Buffer.class.getDeclaredField("address"));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return -1; // another JDK's Buffer: jffi asks JNI for the address
        }
    }

    /** jffi's memory access, set up only on a JVM where it is needed. */
    private static final class Jffi {
        static final MemoryIO IO = JffiStub.memory();
    }
}

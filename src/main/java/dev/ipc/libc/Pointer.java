// Native memory as the calls see it: an address and a size, read and written by offset in the machine's byte order.
package dev.ipc.libc;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Either memory of our own (a direct buffer, freed when the last Pointer to it is collected) or memory libc or the
 * kernel hands us (a struct passwd, an attached segment). Every access is checked against the size, since an
 * access outside the memory would crash the JVM rather than throw.
 */
public final class Pointer {
    /** The size given to memory whose end is not known (a struct libc returns, a string in it). */
    private static final long UNKNOWN = Long.MAX_VALUE;

    private final long address;
    private final long size;
    /** Keeps memory of our own alive as long as a Pointer into it is. */
    private final Object owner;

    private Pointer(long address, long size, Object owner) {
        this.address = address;
        this.size = size;
        this.owner = owner;
    }

    /** size bytes of zeroed memory of our own. */
    public static Pointer allocate(long size) {
        ByteBuffer memory = ByteBuffer.allocateDirect(Math.toIntExact(Math.max(size, 1)));
        return new Pointer(NativeMemory.address(memory), size, memory);
    }

    /** The memory of a direct buffer from its start, whatever its position: calls write it, Java reads the buffer. */
    public static Pointer wrap(ByteBuffer direct) {
        return new Pointer(NativeMemory.address(direct), direct.capacity(), direct);
    }

    /** size bytes at address, which this process has mapped (an attached segment). */
    public static Pointer at(long address, long size) {
        return new Pointer(address, size, null);
    }

    /** What a call returned as a pointer: null for NULL; its size is not known. */
    static Pointer orNull(long address) {
        return address == 0 ? null : new Pointer(address, UNKNOWN, null);
    }

    public long address() {
        return address;
    }

    public long size() {
        return size;
    }

    /** The memory from offset on, kept alive as this one is. */
    public Pointer slice(long offset) {
        check(offset, 0);
        return new Pointer(address + offset, size == UNKNOWN ? UNKNOWN : size - offset, owner);
    }

    public byte getByte(long offset) {
        check(offset, 1);
        return NativeMemory.getByte(address + offset);
    }

    public void putByte(long offset, byte value) {
        check(offset, 1);
        NativeMemory.putByte(address + offset, value);
    }

    public short getShort(long offset) {
        check(offset, 2);
        return NativeMemory.getShort(address + offset);
    }

    public void putShort(long offset, short value) {
        check(offset, 2);
        NativeMemory.putShort(address + offset, value);
    }

    public int getInt(long offset) {
        check(offset, 4);
        return NativeMemory.getInt(address + offset);
    }

    public void putInt(long offset, int value) {
        check(offset, 4);
        NativeMemory.putInt(address + offset, value);
    }

    public long getLong(long offset) {
        check(offset, 8);
        return NativeMemory.getLong(address + offset);
    }

    public void putLong(long offset, long value) {
        check(offset, 8);
        NativeMemory.putLong(address + offset, value);
    }

    /** A pointer stored at offset (char *, struct *): null for NULL. */
    public Pointer getPointer(long offset) {
        return orNull(getLong(offset));
    }

    public void putAddress(long offset, long value) {
        putLong(offset, value);
    }

    public void get(long offset, byte[] into, int from, int length) {
        check(offset, length);
        NativeMemory.get(address + offset, into, from, length);
    }

    public void put(long offset, byte[] data, int from, int length) {
        check(offset, length);
        NativeMemory.put(address + offset, data, from, length);
    }

    /** The NUL-terminated string at offset, as UTF-8. */
    public String getString(long offset) {
        check(offset, 1);
        return new String(NativeMemory.zeroTerminated(address + offset), StandardCharsets.UTF_8);
    }

    private void check(long offset, long length) {
        if (offset < 0 || length < 0 || offset > size - length) {
            throw new IndexOutOfBoundsException("access of " + length + " bytes at offset " + offset + " of "
                    + size + " bytes of native memory");
        }
    }
}

// NativeMemory's reads and writes through Unsafe, checked against jffi's MemoryIO on the same memory: what one
// writes the other reads, byte for byte.
package dev.ipc.libc;

import com.kenai.jffi.MemoryIO;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NativeMemoryTest {
    private static final MemoryIO JFFI = MemoryIO.getInstance();

    @Test
    void unsafe_is_at_hand_on_the_jvms_ipc_runs_on() {
        assertNotNull(TheUnsafe.UNSAFE, "without it every access goes through jffi, and these tests compare jffi"
                + " with itself");
    }

    @Test
    void allocated_memory_is_zeroed_when_asked_and_freed() {
        for (int size : new int[] {0, 1, 7, 64, 4096}) {
            long address = NativeMemory.allocate(size, true);
            try {
                for (int i = 0; i < size; i++) {
                    assertEquals(0, JFFI.getByte(address + i), "size " + size + " byte " + i);
                }
                JFFI.putByte(address, (byte) 1); // at least one byte is always there, even for size 0
            } finally {
                NativeMemory.free(address);
            }
        }
    }

    @Test
    void numbers_written_by_one_are_read_by_the_other_in_the_machines_byte_order() {
        long address = NativeMemory.allocate(64, true);
        try {
            for (int offset : new int[] {0, 1, 3, 8, 13}) {
                NativeMemory.putByte(address + offset, (byte) -2);
                assertEquals((byte) -2, JFFI.getByte(address + offset));
                NativeMemory.putShort(address + offset, (short) -12345);
                assertEquals((short) -12345, JFFI.getShort(address + offset));
                NativeMemory.putInt(address + offset, 0x80402010);
                assertEquals(0x80402010, JFFI.getInt(address + offset));
                NativeMemory.putLong(address + offset, 0x8070605040302010L);
                assertEquals(0x8070605040302010L, JFFI.getLong(address + offset));

                JFFI.putByte(address + offset, (byte) 0x7f);
                assertEquals((byte) 0x7f, NativeMemory.getByte(address + offset));
                JFFI.putShort(address + offset, (short) 0x7ffe);
                assertEquals((short) 0x7ffe, NativeMemory.getShort(address + offset));
                JFFI.putInt(address + offset, -7);
                assertEquals(-7, NativeMemory.getInt(address + offset));
                JFFI.putLong(address + offset, Long.MIN_VALUE + 5);
                assertEquals(Long.MIN_VALUE + 5, NativeMemory.getLong(address + offset));
            }
        } finally {
            NativeMemory.free(address);
        }
    }

    @Test
    void arrays_are_copied_exactly_and_nothing_around_them() {
        int size = 9000;
        long address = NativeMemory.allocate(size, true);
        try {
            byte[] data = new byte[8200];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) (i * 31 + 7);
            }
            for (int length : new int[] {0, 1, 63, 64, 65, 4096, 8192}) {
                for (int from : new int[] {0, 3}) {
                    JFFI.setMemory(address, size, (byte) 0x55);
                    NativeMemory.put(address + 5, data, from, length);
                    byte[] written = new byte[length + 2];
                    JFFI.getByteArray(address + 4, written, 0, written.length);
                    byte[] expected = new byte[length + 2];
                    expected[0] = 0x55;
                    System.arraycopy(data, from, expected, 1, length);
                    expected[length + 1] = 0x55;
                    assertArrayEquals(expected, written, "put of " + length + " from " + from);

                    byte[] back = new byte[length + from + 2];
                    NativeMemory.get(address + 5, back, from, length);
                    byte[] same = new byte[back.length];
                    System.arraycopy(data, from, same, from, length);
                    assertArrayEquals(same, back, "get of " + length + " into " + from);
                }
            }
        } finally {
            NativeMemory.free(address);
        }
    }

    @Test
    void nul_terminated_bytes_go_both_ways_high_bytes_too() {
        long address = NativeMemory.allocate(64, true);
        try {
            for (byte[] text : new byte[][] {{}, {'a'}, "/proc/1/ns/ipc".getBytes(), {(byte) 0xc3, (byte) 0xa9, -1}}) {
                JFFI.setMemory(address, 64, (byte) 0x55);
                NativeMemory.putZeroTerminated(address, text);
                assertArrayEquals(text, JFFI.getZeroTerminatedByteArray(address));
                assertEquals(0x55, JFFI.getByte(address + text.length + 1), "only one NUL is written");

                JFFI.putZeroTerminatedByteArray(address, text, 0, text.length);
                assertArrayEquals(text, NativeMemory.zeroTerminated(address));
            }
        } finally {
            NativeMemory.free(address);
        }
    }

    @Test
    void a_direct_buffers_address_is_its_memorys_start_whatever_its_position() {
        ByteBuffer direct = ByteBuffer.allocateDirect(32);
        direct.position(9);
        assertEquals(JFFI.getDirectBufferAddress(direct), NativeMemory.address(direct));
        ByteBuffer slice = direct.slice();
        assertEquals(JFFI.getDirectBufferAddress(slice), NativeMemory.address(slice));
        assertEquals(NativeMemory.address(direct) + 9, NativeMemory.address(slice));
        assertThrows(IllegalArgumentException.class, () -> NativeMemory.address(ByteBuffer.allocate(8)));
    }
}

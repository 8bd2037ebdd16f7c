// Copies between byte arrays and native memory: the short ones in place, the long ones by one native copy.
package dev.ipc.libc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PointerTest {
    /**
     * Every length from 0 to past the short copies' limit, at aligned and unaligned offsets on both sides: what put
     * writes, byte by byte, is the array's slice, nothing around it changes, and get reads the same slice back.
     */
    @Test
    void put_and_get_copy_exactly_the_bytes_asked_for() {
        Pointer memory = Native.allocate(256);
        byte[] data = new byte[200];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7 + 1);
        }
        for (int length = 0; length <= 80; length++) {
            for (int offset : new int[] {0, 3, 8, 13}) {
                for (int from : new int[] {0, 5, 16}) {
                    for (int i = 0; i < 256; i++) {
                        memory.putByte(i, (byte) 0x55);
                    }
                    memory.put(offset, data, from, length);
                    for (int i = 0; i < 256; i++) {
                        byte expected = i >= offset && i < offset + length ? data[from + i - offset] : 0x55;
                        assertEquals(expected, memory.getByte(i), "length " + length + " offset " + offset + " byte " + i);
                    }
                    byte[] back = new byte[length + from + 3];
                    memory.get(offset, back, from, length);
                    byte[] expected = new byte[back.length];
                    System.arraycopy(data, from, expected, from, length);
                    assertArrayEquals(expected, back, "length " + length + " offset " + offset + " from " + from);
                }
            }
        }
    }

    @Test
    void a_slice_beyond_the_array_is_refused_before_any_byte_moves() {
        Pointer memory = Native.allocate(64);
        byte[] small = new byte[4];
        assertThrows(IndexOutOfBoundsException.class, () -> memory.put(0, small, 2, 8));
        assertThrows(IndexOutOfBoundsException.class, () -> memory.get(0, small, 0, 5));
        // past the short copies' limit too, where one native copy moves the bytes
        Pointer large = Native.allocate(256);
        byte[] medium = new byte[100];
        assertThrows(IndexOutOfBoundsException.class, () -> large.put(0, medium, 10, 100));
        assertThrows(IndexOutOfBoundsException.class, () -> large.get(0, medium, 1, 100));
        assertThrows(IndexOutOfBoundsException.class, () -> large.get(0, medium, -1, 80));
    }
}

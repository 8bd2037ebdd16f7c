package dev.ipc.shm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RingItemTest {
    private static final long[] NUMBERS = {0, 1, 7, 8, 255, 256, 199_999, 1L << 40, Long.MAX_VALUE};

    /** shm_ring.c's fill(): memcpy of n, then item[i] = (unsigned char) (n * 31) + i. */
    private static byte[] asC(int size, long n) {
        byte[] item = new byte[size];
        ByteBuffer.wrap(item).order(ByteOrder.nativeOrder()).putLong(0, n);
        byte b = (byte) (n * 31);
        for (int i = 8; i < size; i++) {
            item[i] = (byte) (b + i);
        }
        return item;
    }

    @ParameterizedTest
    @ValueSource(ints = {8, 9, 64, 300, 4096})
    void an_item_holds_the_bytes_the_c_twin_writes(int size) {
        RingItem items = new RingItem(size);
        byte[] item = new byte[size];
        for (long n : NUMBERS) {
            items.fill(item, n);
            assertEquals(ByteBuffer.wrap(asC(size, n)), ByteBuffer.wrap(item), "item " + n + " of " + size + " bytes");
            assertEquals(n, RingItem.number(item));
            assertTrue(items.intact(item, n));
        }
    }

    @Test
    void one_byte_changed_or_another_number_is_not_intact() {
        RingItem items = new RingItem(64);
        byte[] item = new byte[64];
        items.fill(item, 12345);
        assertFalse(items.intact(item, 12346), "item 12345 checked as 12346");
        item[63]++;
        assertFalse(items.intact(item, 12345), "last byte changed");
    }
}

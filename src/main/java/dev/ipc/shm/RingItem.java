// The items of ipc shm demo: a number, then bytes derived from it, as the C twin (scripts/bench/shm_ring.c) makes them.
package dev.ipc.shm;

import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Item n holds n (8 bytes, in the machine's order), then byte i is (byte) (n * 31 + i). Those bytes are a window
 * into one ramp 0, 1, 2 ... 255, 0, 1 ... starting at (byte) (n * 31): filled with one array copy and checked with
 * one comparison, rather than byte by byte, which only the optimizing compiler would turn into vector code.
 */
final class RingItem {
    private static final boolean LITTLE_ENDIAN = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN;

    private final int size;
    private final byte[] ramp;

    /** Items of size bytes, 8 or more. */
    RingItem(int size) {
        this.size = size;
        ramp = new byte[size + 256];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (byte) i;
        }
    }

    int size() {
        return size;
    }

    /** Item number n into item (size bytes). */
    void fill(byte[] item, long n) {
        putNumber(item, n);
        System.arraycopy(ramp, start(n) + 8, item, 8, size - 8);
    }

    /** The number item holds. */
    static long number(byte[] item) {
        long n = 0;
        for (int i = 0; i < 8; i++) {
            n |= (item[LITTLE_ENDIAN ? i : 7 - i] & 0xffL) << (8 * i);
        }
        return n;
    }

    /** Whether the bytes after the number are those of item n. */
    boolean intact(byte[] item, long n) {
        int from = start(n);
        return Arrays.equals(item, 8, size, ramp, from + 8, from + size);
    }

    private static void putNumber(byte[] item, long n) {
        for (int i = 0; i < 8; i++) {
            item[LITTLE_ENDIAN ? i : 7 - i] = (byte) (n >>> (8 * i));
        }
    }

    /** Where item n's window starts in the ramp: ramp[start + i] == (byte) (n * 31 + i). */
    private static int start(long n) {
        return (int) (n * 31) & 0xff;
    }
}

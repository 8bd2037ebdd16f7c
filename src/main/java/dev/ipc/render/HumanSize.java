// util-linux's size_to_human_string(SIZE_SUFFIX_1LETTER): 1024-based, one decimal, "64K", "1.2M", "10B".
package dev.ipc.render;

public final class HumanSize {
    private static final char[] LETTERS = {'B', 'K', 'M', 'G', 'T', 'P', 'E'};

    private HumanSize() {
    }

    /** The size as ipcs --human and lsipc print it; bytes is an unsigned 64-bit value. */
    public static String format(long bytes) {
        int exp = exponent(bytes);
        char letter = LETTERS[exp / 10];
        long whole = exp == 0 ? bytes : bytes >>> exp;
        long frac = exp == 0 ? 0 : bytes & ((1L << exp) - 1);
        if (frac != 0) {
            // three digits after the point, then rounded to one, as strutils.c does
            if (Long.compareUnsigned(frac, Long.divideUnsigned(-1L, 1000)) >= 0) {
                frac = ((frac / 1024) * 1000) / (1L << (exp - 10));
            } else {
                frac = (frac * 1000) / (1L << exp);
            }
            frac = ((frac + 50) / 100) * 10;
            if (frac == 100) {
                whole++;
                frac = 0;
            }
        }
        if (frac == 0) {
            return Long.toUnsignedString(whole) + letter;
        }
        // "%d.%02d" with the trailing zero dropped: frac is a multiple of ten here
        return Long.toUnsignedString(whole) + "." + (frac / 10) + letter;
    }

    private static int exponent(long bytes) {
        int shift = 10;
        for (; shift <= 60; shift += 10) {
            if (Long.compareUnsigned(bytes, 1L << shift) < 0) {
                break;
            }
        }
        return shift - 10;
    }
}

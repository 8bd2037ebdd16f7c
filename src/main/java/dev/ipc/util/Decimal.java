// Decimal numbers checked in text, and non-negative ones read from and written into ASCII bytes without a String in
// between: for loops that pass numbers in messages many thousand times a second.
package dev.ipc.util;

public final class Decimal {
    private Decimal() {
    }

    /**
     * Whether text is 1 to maxDigits decimal digits, after a '+' or '-' when signed: what "[-+]?[0-9]{1,N}" matches,
     * checked without a regular expression, whose first use links the JVM's lambda machinery at start-up.
     */
    public static boolean isDecimal(String text, int maxDigits, boolean signed) {
        int from = signed && !text.isEmpty() && (text.charAt(0) == '-' || text.charAt(0) == '+') ? 1 : 0;
        int digits = text.length() - from;
        if (digits < 1 || digits > maxDigits) {
            return false;
        }
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The number written in bytes[from, to) with digits only (at most 18), else -1. */
    public static long parse(byte[] bytes, int from, int to) {
        if (from >= to || to - from > 18) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            int digit = bytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Writes value (0 or more) in decimal into bytes from at; returns where its digits end. */
    public static int write(long value, byte[] bytes, int at) {
        int end = at + 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            end++;
        }
        for (int i = end - 1; i >= at; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return end;
    }
}

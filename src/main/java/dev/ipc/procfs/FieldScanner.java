// Splits whitespace-separated numeric fields out of a byte buffer without regex or String allocation.
package dev.ipc.procfs;

/** A cursor over lines of ASCII fields, as /proc/sysvipc prints them. */
final class FieldScanner {
    private final byte[] data;
    private final int end;
    private int position;

    FieldScanner(byte[] data) {
        this.data = data;
        this.end = data.length;
    }

    /** True when only white space is left. */
    boolean atEnd() {
        while (position < end && (data[position] == ' ' || data[position] == '\t' || data[position] == '\n')) {
            position++;
        }
        return position >= end;
    }

    void skipLine() {
        byte[] bytes = data;
        int at = position;
        while (at < end && bytes[at] != '\n') {
            at++;
        }
        position = at < end ? at + 1 : at;
    }

    /** Reads one signed decimal field. */
    long nextLong() {
        skipBlanks();
        boolean negative = position < end && data[position] == '-';
        if (negative) {
            position++;
        }
        long value = digits();
        return negative ? -value : value;
    }

    /** Reads one unsigned decimal field that may exceed Long.MAX_VALUE; the result is its 64-bit pattern. */
    long nextUnsignedLong() {
        skipBlanks();
        return digits();
    }

    /** The decimal digits at the cursor; wraps exactly as unsigned 64-bit arithmetic does. */
    private long digits() {
        // locals, not fields, in the loops: C1, which compiles these, keeps them in registers
        byte[] bytes = data;
        int at = position;
        int start = at;
        long value = 0;
        while (at < end) {
            int digit = bytes[at] - '0';
            if (digit < 0 || digit > 9) {
                break;
            }
            value = value * 10 + digit;
            at++;
        }
        position = at;
        requireDigits(start);
        return value;
    }

    int nextInt() {
        return (int) nextLong();
    }

    /** Reads one octal field (the perms column). */
    int nextOctal() {
        skipBlanks();
        int value = 0;
        int start = position;
        while (position < end) {
            int digit = data[position] - '0';
            if (digit < 0 || digit > 7) {
                break;
            }
            value = value * 8 + digit;
            position++;
        }
        requireDigits(start);
        return value;
    }

    private void requireDigits(int start) {
        if (position == start) {
            throw new IllegalStateException("unexpected text in a /proc/sysvipc line at byte " + position);
        }
    }

    private void skipBlanks() {
        byte[] bytes = data;
        int at = position;
        while (at < end && (bytes[at] == ' ' || bytes[at] == '\t')) {
            at++;
        }
        position = at;
    }
}

// Numbers as glibc's strtoul/strtol and util-linux's parsers read them, for options cloned from C tools.
package dev.ipc.cli;

/**
 * The util-linux tools read ids, keys, counts and sizes with strtoul, strtoimax and their own parse_size; a
 * clone must accept exactly what they accept (leading blanks, a sign, 0x and leading-0 octal where the base is
 * 0) and fail where they fail, with their messages. Failures are {@link IpcException#failure} (exit 1, as the
 * util-linux tools exit).
 */
public final class CNumbers {
    private static final String EINVAL = "Invalid argument";
    private static final String ERANGE = "Numerical result out of range";

    private CNumbers() {
    }

    /**
     * What strtoul (or strtoumax) read: the value's low 64 bits (negated for a leading '-', as C does), the index
     * where reading stopped (0 when there were no digits), and whether the value overflowed (ERANGE).
     */
    public record Parsed(long value, int end, boolean overflow) {
        public boolean complete(String text) {
            return end > 0 && end == text.length();
        }
    }

    /** strtoul(text, &end, base) for base 0, 8, 10 or 16. */
    public static Parsed strtoul(String text, int base) {
        int i = skipBlanks(text, 0);
        boolean negative = false;
        if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        if ((base == 0 || base == 16) && hexPrefix(text, i)) {
            i += 2;
            base = 16;
        } else if (base == 0) {
            base = i < text.length() && text.charAt(i) == '0' ? 8 : 10;
        }
        int start = i;
        long value = 0;
        boolean overflow = false;
        for (; i < text.length(); i++) {
            int digit = Character.digit(text.charAt(i), base);
            if (digit < 0 || text.charAt(i) > 'z') {
                break;
            }
            // value * base + digit must stay within 2^64 - 1
            if (!overflow && Long.compareUnsigned(value, Long.divideUnsigned(-1L - digit, base)) > 0) {
                overflow = true;
            }
            value = value * base + digit;
        }
        if (i == start) {
            return new Parsed(0, 0, false);
        }
        if (overflow) {
            return new Parsed(-1L, i, true);
        }
        return new Parsed(negative ? -value : value, i, false);
    }

    /** strtoimax(text, &end, 10): a signed 64-bit value; overflow clamps and sets the flag, as ERANGE does. */
    public static Parsed strtol(String text) {
        Parsed unsigned = strtoul(text, 10);
        if (unsigned.end() == 0) {
            return unsigned;
        }
        boolean negative = text.charAt(skipBlanks(text, 0)) == '-';
        long magnitude = negative ? -unsigned.value() : unsigned.value();
        boolean overflow = unsigned.overflow() || (negative
                ? Long.compareUnsigned(magnitude, Long.MIN_VALUE) > 0
                : magnitude < 0);
        if (overflow) {
            return new Parsed(negative ? Long.MIN_VALUE : Long.MAX_VALUE, unsigned.end(), true);
        }
        return new Parsed(unsigned.value(), unsigned.end(), false);
    }

    /** util-linux strtos32_or_err: a decimal int, else "MESSAGE: 'TEXT'" (plus ERANGE's text when too large). */
    public static int strtos32OrFail(String text, String message) {
        Parsed parsed = strtol(text);
        if (!parsed.complete(text)) {
            throw IpcException.failure(message + ": '" + text + "'");
        }
        if (parsed.overflow() || parsed.value() != (int) parsed.value()) {
            throw IpcException.failure(message + ": '" + text + "': " + ERANGE);
        }
        return (int) parsed.value();
    }

    /**
     * An IPC key as ipcrm's strtokey reads it: strtoul with base 0 (decimal, 0x hex, 0 octal). Unlike strtokey,
     * which keeps the low 32 bits (so 0x100000000 meant IPC_PRIVATE and 4294967297 key 1), a value that is no
     * key is refused: see {@link #isKey}.
     */
    public static int keyOrFail(String text, String message) {
        Parsed parsed = strtoul(text, 0);
        if (parsed.overflow()) {
            throw IpcException.failure(message + ": '" + text + "': " + ERANGE);
        }
        if (!parsed.complete(text)) {
            throw IpcException.failure(message + ": '" + text + "'");
        }
        if (!isKey(text, parsed)) {
            throw IpcException.failure(message + ": '" + text + "': " + KEY_RANGE);
        }
        return (int) parsed.value();
    }

    /** What {@link #isKey} allows, for messages. */
    public static final String KEY_RANGE = "a key is 32 bits (0 to 0xffffffff, or -2147483648 to -1)";

    /**
     * The one rule for keys: key_t is 32 bits, written unsigned (0 to 0xffffffff, as ipcs shows keys) or as the
     * negative decimal /proc/sysvipc prints for keys above 0x7fffffff. parsed is strtoul's reading of text.
     */
    public static boolean isKey(String text, Parsed parsed) {
        if (parsed.overflow()) {
            return false;
        }
        long value = parsed.value();
        int first = skipBlanks(text, 0);
        boolean negative = first < text.length() && text.charAt(first) == '-';
        return negative ? value <= 0 && value >= Integer.MIN_VALUE : value >= 0 && value <= 0xffffffffL;
    }

    /**
     * util-linux parse_size (strtosize), which ipcmk uses for sizes: strtoumax with base 0, so 0x100 is 256 and
     * 010 is 8; then an optional decimal fraction and a suffix K, M, G, T, P, E, Z, Y (or lower case) for powers
     * of 1024, with "iB" for the same and "B" for powers of 1000. The fraction is added digit by digit with
     * integer division, as util-linux does, so 1.25M is 1310719. Returns an unsigned 64-bit value.
     */
    public static long sizeOrFail(String text, String message) {
        String error = null;
        long size = 0;
        try {
            size = parseSize(text);
        } catch (SizeError e) {
            error = e.getMessage();
        }
        if (error != null) {
            throw IpcException.failure(message + ": '" + text + "': " + error);
        }
        return size;
    }

    private static final class SizeError extends Exception {
        private static final long serialVersionUID = 1L;

        SizeError(String strerror) {
            super(strerror, null, false, false);
        }
    }

    private static final String SUFFIXES = "KMGTPEZY";

    private static long parseSize(String text) throws SizeError {
        if (text.isEmpty()) {
            throw new SizeError(EINVAL);
        }
        int first = skipBlanks(text, 0);
        if (first < text.length() && text.charAt(first) == '-') {
            throw new SizeError(EINVAL);
        }
        Parsed whole = strtoul(text, 0);
        if (whole.end() == 0) {
            throw new SizeError(EINVAL);
        }
        if (whole.overflow()) {
            throw new SizeError(ERANGE);
        }
        long x = whole.value();
        if (whole.end() == text.length()) {
            return x;
        }
        int p = whole.end();
        long fraction = 0;
        int fractionZeros = 0;
        int base = 1024;
        while (true) {
            if (p >= text.length()) {
                // only after "N.0": C reads past the string here; the installed tools report EINVAL
                throw new SizeError(EINVAL);
            }
            char next = charAt(text, p + 1);
            if (next == 'i' && (charAt(text, p + 2) == 'B' || charAt(text, p + 2) == 'b') && p + 3 == text.length()) {
                base = 1024;
            } else if ((next == 'B' || next == 'b') && p + 2 == text.length()) {
                base = 1000;
            } else if (p + 1 < text.length()) {
                // a decimal point (the C locale's '.') starts a fraction, once
                if (fraction != 0 || text.charAt(p) != '.') {
                    throw new SizeError(EINVAL);
                }
                int digits = p + 1;
                while (digits < text.length() && text.charAt(digits) == '0') {
                    fractionZeros++;
                    digits++;
                }
                int end = digits;
                if (digits < text.length() && isDigit(text.charAt(digits))) {
                    Parsed parsedFraction = strtoul(text.substring(digits), 0);
                    if (parsedFraction.overflow()) {
                        throw new SizeError(ERANGE);
                    }
                    fraction = parsedFraction.value();
                    end = digits + parsedFraction.end();
                }
                if (fraction != 0 && end == text.length()) {
                    throw new SizeError(EINVAL); // a fraction needs a suffix
                }
                p = end;
                continue;
            }
            break;
        }
        char suffix = text.charAt(p);
        int power = SUFFIXES.indexOf(suffix) + 1;
        if (power == 0) {
            power = SUFFIXES.toLowerCase(java.util.Locale.ROOT).indexOf(suffix) + 1;
        }
        if (power == 0) {
            throw new SizeError(EINVAL);
        }
        long[] scaled = {x};
        boolean inRange = scale(scaled, base, power);
        x = scaled[0];
        if (fraction != 0) {
            long[] fractionBase = {1};
            scale(fractionBase, base, power);
            long divisor = 10;
            while (Long.compareUnsigned(divisor, fraction) < 0) {
                if (Long.compareUnsigned(divisor, Long.divideUnsigned(-1L, 10)) <= 0) {
                    divisor *= 10;
                } else {
                    fraction = Long.divideUnsigned(fraction, 10);
                }
            }
            for (int i = 0; i < fractionZeros; i++) {
                if (Long.compareUnsigned(divisor, Long.divideUnsigned(-1L, 10)) <= 0) {
                    divisor *= 10;
                } else {
                    fraction = Long.divideUnsigned(fraction, 10);
                }
            }
            long position = 1;
            do {
                long digit = Long.remainderUnsigned(fraction, 10);
                long digitDivisor = Long.divideUnsigned(divisor, position);
                fraction = Long.divideUnsigned(fraction, 10);
                position *= 10;
                if (digit != 0 && Long.divideUnsigned(digitDivisor, digit) != 0) {
                    x += Long.divideUnsigned(fractionBase[0], Long.divideUnsigned(digitDivisor, digit));
                }
            } while (fraction != 0);
        }
        if (!inRange) {
            throw new SizeError(ERANGE);
        }
        return x;
    }

    /** Multiplies value[0] by base, power times; false (and the value left part-way) on overflow. */
    private static boolean scale(long[] value, int base, int power) {
        while (power-- > 0) {
            if (Long.compareUnsigned(Long.divideUnsigned(-1L, base), value[0]) < 0) {
                return false;
            }
            value[0] *= base;
        }
        return true;
    }

    private static char charAt(String text, int index) {
        return index < text.length() ? text.charAt(index) : '\0';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean hexPrefix(String text, int i) {
        return i + 2 < text.length() && text.charAt(i) == '0' && (text.charAt(i + 1) | 0x20) == 'x'
                && Character.digit(text.charAt(i + 2), 16) >= 0 && text.charAt(i + 2) <= 'f';
    }

    /** isspace in the C locale. */
    private static int skipBlanks(String text, int i) {
        while (i < text.length() && " \t\n\u000b\f\r".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }
}

// Parses the numbers, sizes and durations of command-line options, with messages that name the option and value.
package dev.ipc.cli;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Values {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final Pattern DURATION = Pattern.compile("([0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)(ns|us|ms|s|m|h|)");
    /** K, M, G, T with an optional B or iB; none of these letters is a hex digit, so 0x1K reads as 1 KiB. */
    private static final Pattern SIZE_SUFFIX = Pattern.compile("(.+?)([kKmMgGtT])(i?[bB])?");

    private Values() {
    }

    /**
     * An integer as strtol reads it with base 0: decimal, 0x/0X hexadecimal, or octal after a leading 0, with an
     * optional sign. Anything else, or a value beyond a long, is a usage error naming the option.
     */
    public static long integer(String text, String option) {
        BigInteger value = bigInteger(text, option);
        if (value.compareTo(LONG_MIN) < 0 || value.compareTo(LONG_MAX) > 0) {
            throw IpcException.usage(option + " " + text + " is out of range");
        }
        return value.longValue();
    }

    /** A key_t: base 0 as ipcrm reads keys, a signed or unsigned 32-bit value, kept as the kernel stores it. */
    public static int key(String text, String option) {
        BigInteger value = bigInteger(text, option);
        if (value.compareTo(BigInteger.valueOf(Integer.MIN_VALUE)) < 0
                || value.compareTo(BigInteger.valueOf(0xffffffffL)) > 0) {
            throw IpcException.usage(option + " " + text + " is out of range: a key is 32 bits");
        }
        return (int) value.longValue();
    }

    /** An IPC id: a decimal number from 0 to INT_MAX, as the kernel hands them out. */
    public static int id(String text, String option) {
        if (!text.matches("[0-9]{1,10}") || Long.parseLong(text) > Integer.MAX_VALUE) {
            throw IpcException.usage("invalid " + option + " '" + text + "': an id is a decimal number from 0 to "
                    + Integer.MAX_VALUE);
        }
        return Integer.parseInt(text);
    }

    /** A number from min to max (base 0, as {@link #integer}). */
    public static long bounded(String text, String option, long min, long max) {
        long value = integer(text, option);
        if (value < min || value > max) {
            throw IpcException.usage(option + " " + text + " is out of range: " + min + " to " + max);
        }
        return value;
    }

    /**
     * A byte count: a non-negative integer (base 0) with an optional binary suffix K, M, G or T (KiB, MiB ... and
     * k, kB are read as the same powers of 1024).
     */
    public static long size(String text, String option) {
        Matcher unit = SIZE_SUFFIX.matcher(text);
        String digits = text;
        int shift = 0;
        if (unit.matches()) {
            digits = unit.group(1);
            shift = 10 * (1 + "kmgt".indexOf(Character.toLowerCase(unit.group(2).charAt(0))));
        }
        BigInteger value = bigInteger(digits, option).shiftLeft(shift);
        if (value.signum() < 0) {
            throw IpcException.usage(option + " " + text + " is negative");
        }
        if (value.compareTo(LONG_MAX) > 0) {
            throw IpcException.usage(option + " " + text + " is out of range");
        }
        return value.longValue();
    }

    /**
     * A duration in nanoseconds: a decimal number with a unit ns, us, ms, s, m or h; a bare number is seconds
     * ("1.5", "250ms", "2m").
     */
    public static long durationNanos(String text, String option) {
        Matcher parts = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!parts.matches()) {
            throw IpcException.usage("invalid " + option + " '" + text
                    + "': write a duration such as 1.5, 250ms, 2s, 1m (a bare number is seconds)");
        }
        String number = parts.group(1);
        BigDecimal scale = new BigDecimal(switch (parts.group(2)) {
            case "ns" -> "1";
            case "us" -> "1000";
            case "ms" -> "1000000";
            case "m" -> "60000000000";
            case "h" -> "3600000000000";
            default -> "1000000000";
        });
        BigDecimal nanos = new BigDecimal(number).multiply(scale);
        if (nanos.compareTo(new BigDecimal(LONG_MAX)) > 0) {
            throw IpcException.usage(option + " " + text + " is too long");
        }
        return nanos.longValue();
    }

    /** A duration for messages: "1.5s", "250ms", "20us". */
    public static String formatDuration(long nanos) {
        if (nanos >= 1_000_000_000L) {
            return trim(BigDecimal.valueOf(nanos, 9)) + "s";
        }
        if (nanos >= 1_000_000L) {
            return trim(BigDecimal.valueOf(nanos, 6)) + "ms";
        }
        return trim(BigDecimal.valueOf(nanos, 3)) + "us";
    }

    private static String trim(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }

    private static BigInteger bigInteger(String text, String option) {
        String s = text;
        boolean negative = false;
        if (s.startsWith("-") || s.startsWith("+")) {
            negative = s.startsWith("-");
            s = s.substring(1);
        }
        int radix = 10;
        if (s.length() > 2 && (s.startsWith("0x") || s.startsWith("0X"))) {
            radix = 16;
            s = s.substring(2);
        } else if (s.length() > 1 && s.startsWith("0")) {
            radix = 8;
            s = s.substring(1);
        }
        int base = radix;
        if (s.isEmpty() || !s.chars().allMatch(c -> c < 128 && Character.digit(c, base) >= 0)) {
            throw IpcException.usage("invalid " + option + " '" + text + "': write a number in decimal, 0x hex"
                    + " or 0 octal");
        }
        BigInteger value = new BigInteger(s, radix);
        return negative ? value.negate() : value;
    }
}

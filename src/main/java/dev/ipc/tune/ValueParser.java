// Reads limit values as the user typed them, strictly: the kernel would take far more, and read it wrongly.
package dev.ipc.tune;

import dev.ipc.cli.IpcException;
import dev.ipc.cli.Sizes;

import java.math.BigInteger;
import java.util.OptionalLong;

/**
 * The kernel parses these files with base 0 (0777 is octal 511, 0x10 is 16) and ignores whatever follows the
 * numbers it wants. Here a value is a plain non-negative decimal; the byte-valued limits may carry a fraction and a
 * suffix in the one size grammar ({@link Sizes}: 1.5G, 64K, 16GB), and SHMALL given with a suffix is a byte count,
 * turned into pages with the page size of the running machine.
 */
public final class ValueParser {
    private static final String SUFFIXES = "KMGTPE";

    private final long pageSize;
    private final long ipcmni;

    public ValueParser(long pageSize, long ipcmni) {
        this.pageSize = pageSize;
        this.ipcmni = ipcmni;
    }

    /**
     * The value, checked against the limit's range.
     *
     * @param given how the value was given, for messages: "--semmni" or "SEMMNI (4th value)"
     */
    public long parse(Limit limit, String given, String text) {
        String what = given + " " + quote(text);
        Number number = number(what, text, limit);
        BigInteger value = number.value();
        if (limit == Limit.SHMALL && number.bytes()) {
            BigInteger[] pages = value.divideAndRemainder(BigInteger.valueOf(pageSize));
            if (pages[1].signum() != 0) {
                throw IpcException.usage(what + ": " + value + " bytes is not a whole number of pages of "
                        + pageSize + " bytes; give pages without a suffix, or a multiple of " + pageSize + " bytes");
            }
            value = pages[0];
        }
        if (value.bitLength() > 64 || !limit.inRange(value.longValue(), ipcmni)) {
            throw IpcException.usage(what + ": out of range " + limit.rangeText(ipcmni));
        }
        return value.longValue(); // the low 64 bits: the unsigned value for SHMMAX and SHMALL
    }

    /** The least --ram taken: less is a size typed without its unit (--ram 64 for 64G), or no memory at all. */
    static final long MIN_RAM = 64L << 20;

    /** --ram: a size in the one size grammar (64G, 1.5T), from 64M to 2^63 - 1. */
    public static long ram(String text) {
        OptionalLong size = Sizes.parse(text);
        if (size.isPresent() && size.getAsLong() >= MIN_RAM) { // signed: 2^63 and more are negative
            return size.getAsLong();
        }
        // a plain small number is a size typed without its unit
        String hint = text.matches("[1-9][0-9]{0,7}") ? ", did you mean " + text + "G?" : "";
        throw IpcException.usage(Sizes.message("--ram", text, MIN_RAM, Long.MAX_VALUE)
                + ": the machine's memory, which the guides' formulas take" + hint);
    }

    /** @param bytes whether a size suffix made the value a byte count */
    private record Number(BigInteger value, boolean bytes) {
    }

    /** A plain decimal, times its suffix where sizes are taken (limit null: a size that is not a limit). */
    private static Number number(String what, String text, Limit limit) {
        int digits = 0;
        while (digits < text.length() && isDigit(text.charAt(digits))) {
            digits++;
        }
        if (digits == 0) {
            throw IpcException.usage(what + ": " + notANumber(text));
        }
        String number = text.substring(0, digits);
        String suffix = text.substring(digits);
        if (number.length() > 1 && number.charAt(0) == '0') {
            throw IpcException.usage(what + ": leading zero " + octalReading(number)
                    + "; write the number in plain decimal");
        }
        if (number.equals("0") && (suffix.startsWith("x") || suffix.startsWith("X"))) {
            throw IpcException.usage(what + ": hexadecimal" + hexReading(suffix.substring(1))
                    + "; write the number in plain decimal");
        }
        BigInteger value = new BigInteger(number);
        if (suffix.isEmpty()) {
            return new Number(value, false);
        }
        if (limit == null || limit.acceptsSizes()) {
            OptionalLong size = Sizes.parse(text);
            if (size.isPresent()) {
                return new Number(new BigInteger(Long.toUnsignedString(size.getAsLong())), true);
            }
            long multiplier = multiplier(suffix);
            if (multiplier != 0) { // beyond 64 bits: the range check names the range
                return new Number(value.multiply(BigInteger.valueOf(multiplier)), true);
            }
        }
        throw IpcException.usage(what + ": " + trailing(limit, suffix));
    }

    /** K, KiB = 1024, KB = 1000 (and M, G, T, P, E likewise), B = 1; 0 for anything else. */
    static long multiplier(String suffix) {
        if (suffix.equals("B") || suffix.equals("b")) {
            return 1;
        }
        int power = SUFFIXES.indexOf(Character.toUpperCase(suffix.charAt(0))) + 1;
        if (power == 0) {
            return 0;
        }
        String rest = suffix.substring(1);
        long base;
        if (rest.isEmpty() || rest.equalsIgnoreCase("iB")) {
            base = 1024;
        } else if (rest.equals("B") || rest.equals("b")) {
            base = 1000;
        } else {
            return 0;
        }
        long multiplier = 1;
        for (int i = 0; i < power; i++) {
            multiplier *= base;
        }
        return multiplier;
    }

    private static String notANumber(String text) {
        if (text.isEmpty()) {
            return "empty; give a number";
        }
        char first = text.charAt(0);
        if (first == '-' && text.length() > 1 && isDigit(text.charAt(1))) {
            return "negative; give a number from 0 up";
        }
        if (first == '+') {
            return "not a plain decimal number (no sign)";
        }
        if (Character.isWhitespace(first)) {
            return "not a plain decimal number (leading white space)";
        }
        return "not a number";
    }

    private static String trailing(Limit limit, String suffix) {
        boolean sized = multiplier(suffix) != 0 || suffix.matches("[.][0-9]+[KMGTPEkmgtpe].*");
        if (sized && limit != null && !limit.acceptsSizes()) {
            return limit.name() + " takes a plain number of " + limit.unit() + ", without a size suffix";
        }
        if (suffix.charAt(0) == '.' || suffix.charAt(0) == ',') {
            return "not a whole number";
        }
        if (sized && limit != null) {
            return limit.name() + " takes a plain number of " + limit.unit() + ", without a size suffix";
        }
        if (Character.isWhitespace(suffix.charAt(0)) || isDigit(suffix.charAt(suffix.length() - 1))) {
            return "more than one number (the kernel would silently ignore all after the first); give one value";
        }
        boolean sizes = limit == null || limit.acceptsSizes();
        return "unexpected " + quote(suffix) + " after the number"
                + (sizes ? " (sizes take K, M, G, T, P or E, optionally followed by iB or B)" : "");
    }

    private static String octalReading(String number) {
        for (int i = 0; i < number.length(); i++) {
            if (number.charAt(i) > '7') {
                return "(the kernel would refuse it as a bad octal number)";
            }
        }
        return "(the kernel would read it as octal, " + new BigInteger(number, 8) + ")";
    }

    private static String hexReading(String hexDigits) {
        if (hexDigits.matches("[0-9a-fA-F]{1,16}")) {
            return " (the kernel would read it as " + new BigInteger(hexDigits, 16) + ")";
        }
        return "";
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static String quote(String text) {
        return "'" + text + "'";
    }
}

// Parses the numbers and sizes of command-line options, with messages that name the option and value.
package dev.ipc.cli;

import dev.ipc.util.Decimal;

public final class OptionValues {
    private OptionValues() {
    }

    /**
     * An integer as strtol reads it with base 0 (CNumbers.strtoul): decimal, 0x hexadecimal, or octal after a leading
     * 0, with an optional sign. Anything else, or a value beyond a long, is a usage error naming the option.
     */
    public static long integer(String text, String option) {
        CNumbers.Parsed parsed = parse(text, option);
        boolean negative = text.strip().startsWith("-");
        // strtoul gives the low 64 bits, negated for '-': the sign must survive the trip
        if (parsed.overflow() || (parsed.value() != 0 && (parsed.value() < 0) != negative)) {
            throw IpcException.usage(option + " " + text + " is out of range");
        }
        return parsed.value();
    }

    /** A key_t: base 0 as ipcrm reads keys, a signed or unsigned 32-bit value, kept as the kernel stores it. */
    public static int key(String text, String option) {
        CNumbers.Parsed parsed = parse(text, option);
        if (!CNumbers.isKey(text, parsed)) {
            throw IpcException.usage(option + " " + text + " is out of range: a key is 32 bits");
        }
        return (int) parsed.value();
    }

    /** An IPC id: a decimal number from 0 to INT_MAX, as the kernel hands them out. */
    public static int id(String text, String option) {
        if (!Decimal.isDecimal(text, 10, false) || Long.parseLong(text) > Integer.MAX_VALUE) {
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

    private static CNumbers.Parsed parse(String text, String option) {
        CNumbers.Parsed parsed = CNumbers.strtoul(text, 0);
        if (!parsed.complete(text) || !text.equals(text.strip())) {
            throw IpcException.usage("invalid " + option + " '" + text + "': write a number in decimal, 0x hex"
                    + " or 0 octal");
        }
        return parsed;
    }
}

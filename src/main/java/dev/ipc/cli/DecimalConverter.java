// picocli's converters for int and long options, in ASCII digits only.
package dev.ipc.cli;

import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * picocli reads int and long options with Integer.valueOf and Long.valueOf, which take any script's digits:
 * '--count ٣' was 3. Every other number of ipc, like the C tools it stands beside, is ASCII.
 */
public final class DecimalConverter {
    private DecimalConverter() {
    }

    /** For every int, Integer, long and Long option of the tree as it is now. */
    public static void register(CommandLine root) {
        Ints ints = new Ints();
        Longs longs = new Longs();
        root.registerConverter(Integer.class, ints);
        root.registerConverter(Integer.TYPE, ints);
        root.registerConverter(Long.class, longs);
        root.registerConverter(Long.TYPE, longs);
    }

    private static final class Ints implements ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                return Integer.valueOf(ascii(value, "an int"));
            } catch (NumberFormatException tooBig) {
                throw new TypeConversionException("'" + value + "' is not an int");
            }
        }
    }

    private static final class Longs implements ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            try {
                return Long.valueOf(ascii(value, "a long"));
            } catch (NumberFormatException tooBig) {
                throw new TypeConversionException("'" + value + "' is not a long");
            }
        }
    }

    /** The value, when it is an optional sign and ASCII digits. */
    private static String ascii(String value, String what) {
        int first = value.startsWith("-") || value.startsWith("+") ? 1 : 0;
        boolean digits = value.length() > first;
        for (int i = first; i < value.length(); i++) {
            digits &= value.charAt(i) >= '0' && value.charAt(i) <= '9';
        }
        if (!digits) {
            throw new TypeConversionException("'" + value + "' is not " + what);
        }
        return value;
    }
}

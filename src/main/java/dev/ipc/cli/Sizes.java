// The one size grammar of the command line (4096, 64K, 1.5G, 0x1000), for every byte-valued option and limit.
package dev.ipc.cli;

import java.util.OptionalLong;

/**
 * Sizes read as ipcmk reads them (util-linux parse_size, {@link CNumbers#sizeOrFail}): a number (0x hex and
 * leading-0 octal as strtoul's base 0 takes them), an optional decimal fraction, and a suffix K, M, G, T, P, E
 * (KiB ... for the same powers of 1024, KB ... for powers of 1000). One range check and one message for all.
 */
public final class Sizes {
    /** What every size option's help says about its value. */
    public static final String HELP = "SIZE: bytes, or with K, M, G, T (1024s; KB, MB, GB, TB: 1000s), "
            + "decimals such as 1.5G allowed.";

    private Sizes() {
    }

    /** The unsigned 64-bit byte count text names, or empty when it is not a size (or exceeds 2^64 - 1). */
    public static OptionalLong parse(String text) {
        try {
            return OptionalLong.of(CNumbers.sizeOrFail(text, ""));
        } catch (IpcException e) {
            return OptionalLong.empty();
        }
    }

    /** A size from min to max (both at most Long.MAX_VALUE), else the one usage error naming option and value. */
    public static long bytes(String option, String text, long min, long max) {
        OptionalLong size = parse(text);
        if (size.isPresent() && size.getAsLong() >= min && size.getAsLong() <= max) {
            return size.getAsLong();
        }
        throw IpcException.usage(message(option, text, min, max));
    }

    /** The one message for a refused size. */
    public static String message(String option, String text, long min, long max) {
        return "invalid " + option + " '" + text + "': expected a size such as 4096, 64K or 1.5G (K, M, G, T count "
                + "1024s), " + (max == Long.MAX_VALUE ? "at least " + min : "from " + min + " to " + max) + " bytes";
    }
}

// Durations on the command line: 500ms, 5s, 1.5s, 2m, 1h, or a plain number of seconds.
package dev.ipc.fifo;

import dev.ipc.cli.IpcException;

import java.math.BigDecimal;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

final class Durations {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)?");
    /** Longer than anyone waits on purpose, and far from overflowing nanoseconds in a long. */
    private static final long MAX_NANOS = 30L * 24 * 3600 * 1_000_000_000L;

    private Durations() {
    }

    /** The duration in nanoseconds, more than zero; a usage error naming the option otherwise. */
    static long parse(String option, String text) {
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long unit = unitNanos(m.group(2) == null ? "s" : m.group(2));
            BigDecimal nanos = new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unit));
            if (nanos.signum() > 0 && nanos.compareTo(BigDecimal.valueOf(MAX_NANOS)) <= 0) {
                return Math.max(1, nanos.longValue());
            }
        }
        throw IpcException.usage("invalid " + option + " '" + text
                + "': expected a duration such as 500ms, 5s, 2m or 1h, more than 0 and at most 30 days");
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ms":
                return 1_000_000L;
            case "m":
                return 60_000_000_000L;
            case "h":
                return 3_600_000_000_000L;
            default:
                return 1_000_000_000L;
        }
    }

    /** 1.5s, 200ms, 2m: the shortest exact form, for messages. */
    static String format(long nanos) {
        if (nanos % 60_000_000_000L == 0) {
            return nanos / 60_000_000_000L + "m";
        }
        if (nanos % 1_000_000L == 0 && nanos < 1_000_000_000L) {
            return nanos / 1_000_000L + "ms";
        }
        return BigDecimal.valueOf(nanos, 9).stripTrailingZeros().toPlainString() + "s";
    }
}

// The one duration grammar of the command line (500ms, 2s, 1m, 1h30m, a plain number of seconds) and its range check.
package dev.ipc.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Durations {
    /** What every duration option's help says about its value. */
    public static final String HELP = "DURATION: 500ms, 2s, 1m, 1h30m (also ns, us, d, w), or a plain number of seconds.";

    /** The grammar's expressions, compiled only for a duration that is not a whole number of one unit. */
    private static final class Grammar {
        private static final String NUMBER = "[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+";
        static final Pattern PART = Pattern.compile("(" + NUMBER + ")(ns|us|ms|s|m|h|d|w)");
        static final Pattern PLAIN = Pattern.compile(NUMBER);
    }

    private static final long SECOND = 1_000_000_000L;
    /** Longer than anyone waits or keeps an object on purpose, and far from overflowing nanoTime() plus it. */
    private static final long MAX_NANOS = 365 * 86_400 * SECOND;

    private Durations() {
    }

    /** A duration from 0 up, in nanoseconds: for options whose help says what 0 means. */
    public static long nanos(String option, String text) {
        long whole = wholeUnits(text);
        return whole >= 0 && whole <= MAX_NANOS ? whole : check(option, text, parse(text), false);
    }

    /** A duration of more than 0, in nanoseconds: for options where 0 means nothing useful. */
    public static long positiveNanos(String option, String text) {
        long whole = wholeUnits(text);
        return whole > 0 && whole <= MAX_NANOS ? whole : check(option, text, parse(text), true);
    }

    /**
     * The nanoseconds of the commonest form, ASCII digits and one unit or none (30s, 500ms, 5), read without the
     * grammar's regular expressions and BigDecimal, whose set-up costs a command's start more than its own work;
     * -1 for every other form, and where it would overflow, which {@link #parse} then reads.
     */
    private static long wholeUnits(String text) {
        int digits = 0;
        while (digits < text.length() && text.charAt(digits) >= '0' && text.charAt(digits) <= '9') {
            digits++;
        }
        if (digits == 0 || digits > 12) {
            return -1;
        }
        String unit = text.substring(digits);
        long nanos = unit.isEmpty() ? SECOND : switch (unit) {
            case "ns", "us", "ms", "s", "m", "h", "d", "w" -> unitNanos(unit);
            default -> -1;
        };
        if (nanos < 0) {
            return -1;
        }
        long value = Long.parseLong(text, 0, digits, 10);
        return value > MAX_NANOS / nanos ? -1 : value * nanos;
    }

    /** The shortest exact form, for messages: 300ms, 1.5s, 2m, 20us. */
    public static String format(long nanos) {
        if (nanos < 0) {
            return "-" + format(-nanos);
        }
        if (nanos >= 60 * SECOND && nanos % (60 * SECOND) == 0) {
            return nanos / (60 * SECOND) + "m";
        }
        if (nanos >= SECOND) {
            return decimal(nanos, 9) + "s";
        }
        if (nanos >= 1_000_000L) {
            return decimal(nanos, 6) + "ms";
        }
        return decimal(nanos, 3) + "us";
    }

    /**
     * nanos / 10^scale, exact, without trailing zeros: long arithmetic, not BigDecimal, because on JDK 25 the first
     * BigDecimal sets up BigInteger's fork-join machinery, and demos format their deadline at start.
     */
    private static String decimal(long nanos, int scale) {
        long unit = 1;
        for (int i = 0; i < scale; i++) {
            unit *= 10;
        }
        long fraction = nanos % unit;
        if (fraction == 0) {
            return Long.toString(nanos / unit);
        }
        String digits = Long.toString(unit + fraction).substring(1);
        int end = digits.length();
        while (digits.charAt(end - 1) == '0') {
            end--;
        }
        return nanos / unit + "." + digits.substring(0, end);
    }

    /** The nanoseconds the text names, or null when it is not a duration. */
    private static BigDecimal parse(String given) {
        String text = given.strip().toLowerCase(Locale.ROOT);
        if (Grammar.PLAIN.matcher(text).matches()) {
            return new BigDecimal(text).multiply(BigDecimal.valueOf(SECOND));
        }
        Matcher part = Grammar.PART.matcher(text);
        BigDecimal total = BigDecimal.ZERO;
        int end = 0;
        while (part.find() && part.start() == end) {
            total = total.add(new BigDecimal(part.group(1)).multiply(BigDecimal.valueOf(unitNanos(part.group(2)))));
            end = part.end();
        }
        // "1h30" is refused: the bare 30 could be minutes or seconds
        return end == text.length() && end > 0 ? total : null;
    }

    private static long check(String option, String text, BigDecimal nanos, boolean positive) {
        if (nanos != null && nanos.compareTo(BigDecimal.valueOf(MAX_NANOS)) <= 0) {
            long whole = nanos.longValue();
            if (!positive || whole > 0) {
                return whole;
            }
        }
        throw IpcException.usage("invalid " + option + " '" + text
                + "': expected a duration such as 500ms, 2s, 1m or 1h30m (a plain number is seconds), "
                + (positive ? "more than 0" : "from 0") + " and at most 365d");
    }

    private static long unitNanos(String unit) {
        return switch (unit) {
            case "ns" -> 1;
            case "us" -> 1_000L;
            case "ms" -> 1_000_000L;
            case "m" -> 60 * SECOND;
            case "h" -> 3_600 * SECOND;
            case "d" -> 86_400 * SECOND;
            case "w" -> 7 * 86_400 * SECOND;
            default -> SECOND;
        };
    }
}

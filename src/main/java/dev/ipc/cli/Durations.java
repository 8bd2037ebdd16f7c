// The one duration grammar of the command line (500ms, 2s, 1m, 1h30m, a plain number of seconds) and its range check.
package dev.ipc.cli;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public final class Durations {
    /** What every duration option's help says about its value. */
    public static final String HELP = "DURATION: 500ms, 2s, 1m, 1h30m (also ns, us, d, w), or a plain number of seconds.";

    private static final String NUMBER = "[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+";
    private static final Pattern PART = Pattern.compile("(" + NUMBER + ")(ns|us|ms|s|m|h|d|w)");
    private static final Pattern PLAIN = Pattern.compile(NUMBER);
    private static final long SECOND = 1_000_000_000L;
    /** Longer than anyone waits or keeps an object on purpose, and far from overflowing nanoTime() plus it. */
    private static final long MAX_NANOS = 365 * 86_400 * SECOND;

    private Durations() {
    }

    /** A duration from 0 up, in nanoseconds: for options whose help says what 0 means. */
    public static long nanos(String option, String text) {
        return check(option, text, parse(text), false);
    }

    /** A duration of more than 0, in nanoseconds: for options where 0 means nothing useful. */
    public static long positiveNanos(String option, String text) {
        return check(option, text, parse(text), true);
    }

    /** The shortest exact form, for messages: 300ms, 1.5s, 2m, 20us. */
    public static String format(long nanos) {
        if (nanos >= 60 * SECOND && nanos % (60 * SECOND) == 0) {
            return nanos / (60 * SECOND) + "m";
        }
        if (nanos >= SECOND) {
            return plain(BigDecimal.valueOf(nanos, 9)) + "s";
        }
        if (nanos >= 1_000_000L) {
            return plain(BigDecimal.valueOf(nanos, 6)) + "ms";
        }
        return plain(BigDecimal.valueOf(nanos, 3)) + "us";
    }

    /** The nanoseconds the text names, or null when it is not a duration. */
    private static BigDecimal parse(String given) {
        String text = given.strip().toLowerCase(Locale.ROOT);
        if (PLAIN.matcher(text).matches()) {
            return new BigDecimal(text).multiply(BigDecimal.valueOf(SECOND));
        }
        Matcher part = PART.matcher(text);
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

    private static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}

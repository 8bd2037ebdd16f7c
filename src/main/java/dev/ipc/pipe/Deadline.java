// A point in time after which a demo stops waiting: every wait of a demo is bounded by one.
package dev.ipc.pipe;

import dev.ipc.cli.IpcException;

import java.util.concurrent.TimeUnit;

record Deadline(long nanoTime, String limit) {
    static final Deadline NONE = new Deadline(Long.MAX_VALUE, "no limit");

    static Deadline after(long millis) {
        return new Deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis), Seconds.format(millis));
    }

    /** The milliseconds left, for poll(2): -1 means no limit, 0 means expired. */
    int remainingMillis() {
        if (this == NONE) {
            return -1;
        }
        long left = Math.max(0, nanoTime - System.nanoTime() + 999_999) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }

    /** Seconds as the user gives them ("30", "0.5"), parsed before anything is changed. */
    static final class Seconds {
        private Seconds() {
        }

        static long parseMillis(String option, String text) {
            if (text.matches("\\d{1,5}(\\.\\d{1,3})?")) {
                long millis = Math.round(Double.parseDouble(text) * 1000);
                if (millis <= 86_400_000L) {
                    return millis;
                }
            }
            throw IpcException.usage("invalid " + option + " '" + text + "': expected seconds from 0 to 86400");
        }

        static Deadline deadline(String option, String text) {
            long millis = parseMillis(option, text);
            return millis == 0 ? NONE : after(millis);
        }

        static String format(long millis) {
            return millis % 1000 == 0 ? millis / 1000 + " s" : millis / 1000.0 + " s";
        }
    }
}

// A point in time after which a demo stops waiting: every wait of a demo is bounded by one.
package dev.ipc.pipe;

import dev.ipc.cli.Durations;

record Deadline(long nanoTime, String limit) {
    static final Deadline NONE = new Deadline(Long.MAX_VALUE, "no limit");

    static Deadline after(long nanos) {
        return new Deadline(System.nanoTime() + nanos, Durations.format(nanos));
    }

    /** The milliseconds left, for poll(2): -1 means no limit, 0 means expired. */
    int remainingMillis() {
        if (this == NONE) {
            return -1;
        }
        long left = Math.max(0, nanoTime - System.nanoTime() + 999_999) / 1_000_000;
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, left));
    }
}

// What the rows of every section are sorted by; each kind reads the key as its own column.
package dev.ipc.top;

import java.util.Locale;

enum SortKey {
    /** The id of a System V object, the name of a POSIX one. */
    ID(false, "id (name for POSIX objects)"),
    OWNER(false, "owner's name"),
    /** Bytes queued, the segment's or object's size, a set's number of semaphores. */
    SIZE(true, "bytes queued, size, semaphores in a set"),
    /** Messages queued, attachments, a POSIX semaphore's value. */
    USE(true, "messages queued, attachments, a POSIX semaphore's value"),
    /** Messages per second into (or out of) a queue since the last refresh; for other kinds as USE. */
    RATE(true, "messages per second, either way");

    private final boolean largestFirst;
    private final String meaning;

    SortKey(boolean largestFirst, String meaning) {
        this.largestFirst = largestFirst;
        this.meaning = meaning;
    }

    /** Counts and sizes sort largest first, as top puts the busiest on top; names and ids from the smallest. */
    boolean largestFirst() {
        return largestFirst;
    }

    String meaning() {
        return meaning;
    }

    String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    static SortKey byLabel(String label) {
        for (SortKey key : values()) {
            if (key.label().equals(label.toLowerCase(Locale.ROOT))) {
                return key;
            }
        }
        return null;
    }
}

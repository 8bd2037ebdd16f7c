// Splits what reads of server.fifo return into request lines, carrying a line cut by a read over to the next read.
package dev.ipc.fifo;

import java.nio.ByteBuffer;

/**
 * Lines are found in place, in one array, and handed out as bounds into it: framing allocates nothing. A line longer
 * than a request may be is reported once, as over-long, and the rest of it up to its newline is skipped.
 */
final class LineFraming {
    /** What {@link #next()} found. */
    enum Found { NONE, LINE, TOO_LONG }

    private final byte[] buffer;
    private final int maxLine;
    /** Bytes in hand: buffer[0, have). */
    private int have;
    /** Where the search for the next newline goes on. */
    private int scan;
    /** Where the line after the last one handed out starts. */
    private int next;
    /** The rest of a line longer than a request may be is being skipped. */
    private boolean skipping;
    private int start;
    private int end;

    /** readSize: the most one read returns; maxLine: the longest line, newline included. */
    LineFraming(int readSize, int maxLine) {
        this.buffer = new byte[readSize + maxLine];
        this.maxLine = maxLine;
    }

    /** Appends count bytes read into area (from its position 0) after the unfinished line in hand. */
    void append(ByteBuffer area, int count) {
        area.get(0, buffer, have, count);
        have += count;
    }

    /**
     * The next complete line: LINE with {@link #start()} and {@link #end()} its bounds without the newline, TOO_LONG
     * with start() where the over-long line starts, NONE when no complete line is left. Empty lines are skipped: the
     * server's own wake-up, or harmless.
     */
    Found next() {
        byte[] bytes = buffer;
        int limit = have;
        int i = scan;
        while (i < limit) {
            if (bytes[i++] != '\n') {
                continue;
            }
            int lineStart = next;
            next = i;
            if (skipping) {
                skipping = false;
            } else if (i - lineStart > maxLine) {
                scan = i;
                start = lineStart;
                return Found.TOO_LONG;
            } else if (i - 1 > lineStart) {
                scan = i;
                start = lineStart;
                end = i - 1;
                return Found.LINE;
            }
        }
        scan = i;
        return Found.NONE;
    }

    /**
     * After next() answered NONE: keeps the unfinished line for the next read. Returns the start of that line when
     * it is already too long to be a request (it is then skipped up to its newline; its bytes stay readable until
     * the next append), else -1.
     */
    int endOfRead() {
        int consumed = next;
        int rest = have - consumed;
        next = 0;
        scan = 0;
        if (skipping) {
            // Still inside an over-long line: nothing up to its newline is kept.
            have = 0;
            return -1;
        }
        if (rest >= maxLine) {
            // No newline within the longest request: the line is too long, whatever follows.
            skipping = true;
            have = 0;
            return consumed;
        }
        if (rest > 0 && consumed > 0) {
            System.arraycopy(buffer, consumed, buffer, 0, rest);
        }
        have = rest;
        return -1;
    }

    byte[] bytes() {
        return buffer;
    }

    int start() {
        return start;
    }

    int end() {
        return end;
    }
}

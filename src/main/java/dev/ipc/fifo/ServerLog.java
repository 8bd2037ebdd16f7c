// The server's log: one line per event on stderr, each with the time; problems are rate-limited so that a
// flood of garbage cannot turn the server into a log writer.
package dev.ipc.fifo;

import java.io.PrintWriter;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

final class ServerLog {
    enum Level { QUIET, NORMAL, VERBOSE }

    /** Problem lines per second beyond which they are counted instead of written. */
    static final int PROBLEMS_PER_SECOND = 100;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final long SECOND = 1_000_000_000L;

    private final PrintWriter err;
    private final Level level;
    private long windowStart = System.nanoTime();
    private int inWindow;
    private long suppressed;

    ServerLog(PrintWriter err, Level level) {
        this.err = err;
        this.level = level;
    }

    boolean verbose() {
        return level == Level.VERBOSE;
    }

    /** Start, stop and the like: not with --quiet. */
    synchronized void event(String message) {
        if (level != Level.QUIET) {
            write(message);
        }
    }

    /** One line per request: only with --verbose. */
    synchronized void detail(String message) {
        if (level == Level.VERBOSE) {
            write(message);
        }
    }

    /** Something went wrong with a request or a client: always, but at most PROBLEMS_PER_SECOND a second. */
    synchronized void problem(String message) {
        long now = System.nanoTime();
        if (now - windowStart >= SECOND) {
            flushSuppressed();
            windowStart = now;
            inWindow = 0;
        }
        if (++inWindow > PROBLEMS_PER_SECOND) {
            suppressed++;
            return;
        }
        write(message);
    }

    /** Says how many problem lines were left out, if any. */
    synchronized void flushSuppressed() {
        if (suppressed > 0) {
            write(suppressed + " more problem" + (suppressed == 1 ? "" : "s") + " not logged (more than "
                    + PROBLEMS_PER_SECOND + " a second)");
            suppressed = 0;
        }
    }

    private void write(String message) {
        err.println(LocalTime.now().format(TIME) + " " + message);
        err.flush();
    }
}

// What the FIFO server has done since it started: what the stats verb answers and the last line of the log says.
package dev.ipc.fifo;

import java.util.BitSet;
import java.util.Locale;

/** Plain counters, kept by the serving thread alone. */
final class ServerStats {
    private final long startNanos;
    private final BitSet clientsSeen = new BitSet();
    private long served;
    private long clients;
    private long errors;
    private long dropped;

    ServerStats(long startNanos) {
        this.startNanos = startNanos;
    }

    /** A request from pid that will be answered. */
    void served(int pid) {
        served++;
        if (!clientsSeen.get(pid)) {
            clientsSeen.set(pid);
            clients++;
        }
    }

    /** A request answered with ERR, or not answered at all because it was malformed. */
    void error() {
        errors++;
    }

    /** A reply that could not be delivered. */
    void dropped() {
        dropped++;
    }

    long served() {
        return served;
    }

    String summary() {
        long micros = (System.nanoTime() - startNanos) / 1000;
        return "requests=" + served + " clients=" + clients + " errors=" + errors + " dropped=" + dropped
                + " uptime=" + String.format(Locale.ROOT, "%d.%03ds", micros / 1_000_000, micros / 1000 % 1000);
    }
}

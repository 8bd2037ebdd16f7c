// The demo's transcript: every process's lines, in the order they happened, as they happen.
package dev.ipc.demo;

import java.io.PrintWriter;
import java.util.PriorityQueue;

/**
 * Each line carries the System.nanoTime() of the moment it describes; on Linux that is CLOCK_MONOTONIC, one clock
 * for every process of the machine, so lines from different processes can be put in order. Lines are held back
 * briefly (they arrive through pipes read by different threads) and printed oldest first.
 */
public final class Transcript implements AutoCloseable {
    private static final long HOLD_BACK_NANOS = 300_000_000L;
    private static final String LINE = "%4d.%03ds  %-16s %s";

    private final PrintWriter out;
    private final long start;
    private final PriorityQueue<Line> pending = new PriorityQueue<>();
    private final Thread printer;
    private long sequence;
    private boolean closed;

    private record Line(long nanos, long sequence, String actor, String text) implements Comparable<Line> {
        @Override
        public int compareTo(Line other) {
            int byTime = Long.compare(nanos, other.nanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    public Transcript(PrintWriter out) {
        this.out = out;
        out.println(String.format("%9s  %-16s %s", "time", "process", "what it does, and why"));
        this.start = System.nanoTime();
        printer = new Thread(this::printLoop, "ipc-transcript");
        printer.setDaemon(true);
        printer.start();
    }

    public long start() {
        return start;
    }

    /** A line of actor's at the given time; a line may hold no newline. */
    public synchronized void add(long nanos, String actor, String text) {
        if (closed) {
            out.println(format(new Line(nanos, 0, actor, text)));
            out.flush();
            return;
        }
        pending.add(new Line(nanos, sequence++, actor, text));
        notifyAll();
    }

    /** A narrator whose lines go straight into this transcript, for the demo's own process. */
    public Narrator narrator(String actor, boolean trace) {
        return new Narrator() {
            @Override
            public boolean tracing() {
                return trace;
            }

            /** The demo's own process keeps its facts in variables: only steps and calls are shown. */
            @Override
            public void emit(String kind, String text) {
                if (!kind.equals("fact")) {
                    add(System.nanoTime(), actor, kind.equals("trace") ? "call: " + text : text);
                }
            }
        };
    }

    /** Prints every line now, in order; for the end of the run, before the verdict. */
    public synchronized void flush() {
        while (!pending.isEmpty()) {
            out.println(format(pending.poll()));
        }
        out.flush();
    }

    private void printLoop() {
        synchronized (this) {
            while (!closed) {
                long now = System.nanoTime();
                boolean printed = false;
                while (!pending.isEmpty() && pending.peek().nanos() < now - HOLD_BACK_NANOS) {
                    out.println(format(pending.poll()));
                    printed = true;
                }
                if (printed) {
                    out.flush();
                }
                try {
                    wait(pending.isEmpty() ? 0 : 20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private String format(Line line) {
        long micros = Math.max(0, line.nanos() - start) / 1000;
        return String.format(LINE, micros / 1_000_000, (micros / 1000) % 1000, line.actor(), line.text());
    }

    @Override
    public synchronized void close() {
        flush();
        closed = true;
        notifyAll();
    }
}

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
    private PrintWriter calls;
    private final long start;
    private final PriorityQueue<Line> pending = new PriorityQueue<>();
    private final Thread printer;
    private long sequence;
    private boolean closed;

    private record Line(long nanos, long sequence, String actor, String text, boolean call)
            implements Comparable<Line> {
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

    /**
     * From now on, system calls go to this writer (stderr, for --trace), "actor: call" in the same order as the
     * transcript, instead of into the transcript as "call: ..." lines.
     */
    public synchronized void callsTo(PrintWriter writer) {
        this.calls = writer;
    }

    /** A line of actor's at the given time; a line may hold no newline. */
    public void add(long nanos, String actor, String text) {
        add(new Line(nanos, 0, actor, text, false));
    }

    /** A system call actor made, written as strace writes it. */
    public void call(long nanos, String actor, String call) {
        add(new Line(nanos, 0, actor, call, true));
    }

    private synchronized void add(Line line) {
        if (closed) {
            print(line);
            flushBoth();
            return;
        }
        pending.add(new Line(line.nanos(), sequence++, line.actor(), line.text(), line.call()));
        notifyAll();
    }

    private void print(Line line) {
        if (line.call() && calls != null) {
            calls.println(line.actor() + ": " + line.text());
        } else {
            out.println(format(line.call() ? new Line(line.nanos(), 0, line.actor(), "call: " + line.text(), false)
                    : line));
        }
    }

    private void flushBoth() {
        out.flush();
        if (calls != null) {
            calls.flush();
        }
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
                if (kind.equals("trace")) {
                    call(System.nanoTime(), actor, text);
                } else if (!kind.equals("fact")) {
                    add(System.nanoTime(), actor, text);
                }
            }
        };
    }

    /** Prints every line now, in order; for the end of the run, before the verdict. */
    public synchronized void flush() {
        while (!pending.isEmpty()) {
            print(pending.poll());
        }
        flushBoth();
    }

    private void printLoop() {
        synchronized (this) {
            while (!closed) {
                long now = System.nanoTime();
                boolean printed = false;
                while (!pending.isEmpty() && pending.peek().nanos() < now - HOLD_BACK_NANOS) {
                    print(pending.poll());
                    printed = true;
                }
                if (printed) {
                    flushBoth();
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

// The demo's transcript: every process's lines, in the order they happened, as they happen.
package dev.ipc.demo;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Each line carries the System.nanoTime() of the moment it describes; on Linux that is CLOCK_MONOTONIC, one clock
 * for every process of the machine, so lines from different processes can be put in order. Lines are held back
 * briefly (they arrive through pipes read by different threads) and printed oldest first. The same events, in the
 * same order, are kept for --diagram.
 */
public final class Transcript implements AutoCloseable {
    private static final long HOLD_BACK_NANOS = 300_000_000L;
    private static final String LINE = "%4d.%03ds  %-16s %s";

    /** What an event is: a step told, a system call, a check, a process started or ended. */
    /** NOTE: something only the diagram says, such as how much of the run it leaves out. */
    public enum Kind { SAY, CALL, CHECK, START, EXIT, NOTE }

    /** One event of the run: who, what kind, the kernel object or process it concerns (or null), and its text. */
    public record Event(long nanos, long sequence, String actor, Kind kind, String object, String text)
            implements Comparable<Event> {
        @Override
        public int compareTo(Event other) {
            int byTime = Long.compare(nanos, other.nanos);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private final PrintWriter out;
    private final PrintWriter calls;
    private final long start;
    private final PriorityQueue<Event> pending = new PriorityQueue<>();
    private final List<Event> seen = new ArrayList<>();
    private final Thread printer;
    private long sequence;
    private boolean closed;

    /** Steps and calls both go to out. */
    public Transcript(PrintWriter out) {
        this(out, null);
    }

    /**
     * Steps go to out, calls to calls as "actor: call" (strace's notation, for --trace on stderr); either may be
     * null for nothing printed. Every event is kept for {@link #events()} whatever is printed.
     */
    public Transcript(PrintWriter out, PrintWriter calls) {
        this.out = out;
        this.calls = calls;
        if (out != null) {
            out.println(String.format("%9s  %-16s %s", "time", "process", "what it does, and why"));
        }
        this.start = System.nanoTime();
        printer = new Thread(this::printLoop, "ipc-transcript");
        printer.setDaemon(true);
        printer.start();
    }

    public long start() {
        return start;
    }

    /** A line of actor's at the given time; a line may hold no newline. */
    public void add(long nanos, String actor, String text) {
        add(nanos, actor, Kind.SAY, null, text);
    }

    /** A system call as a narrator traced it: "OBJECT\tCALL" names the object it acts on, a plain call does not. */
    public void call(long nanos, String actor, String traced) {
        int tab = traced.indexOf('\t');
        add(nanos, actor, Kind.CALL, tab < 0 ? null : traced.substring(0, tab),
                tab < 0 ? traced : traced.substring(tab + 1));
    }

    public synchronized void add(long nanos, String actor, Kind kind, String object, String text) {
        Event event = new Event(nanos, sequence++, actor, kind, object, text);
        if (closed) {
            seen.add(event);
            print(event);
            flushStreams();
            return;
        }
        pending.add(event);
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
            public void emit(long nanos, String kind, String text) {
                if (kind.equals("trace")) {
                    call(nanos, actor, text);
                } else if (!kind.equals("fact")) {
                    add(nanos, actor, text);
                }
            }
        };
    }

    /** Every event so far, oldest first; complete once the transcript is closed. */
    public synchronized List<Event> events() {
        return List.copyOf(seen);
    }

    /** Prints every line now, in order; for the end of the run, before the verdict. */
    public synchronized void flush() {
        while (!pending.isEmpty()) {
            take();
        }
        flushStreams();
    }

    private void take() {
        Event event = pending.poll();
        seen.add(event);
        print(event);
    }

    private void print(Event event) {
        switch (event.kind()) {
            case SAY -> {
                if (out != null) {
                    out.println(format(event.nanos(), event.actor(), event.text()));
                }
            }
            case CALL -> {
                if (calls != null) {
                    calls.println(event.actor() + ": " + event.text());
                } else if (out != null) {
                    out.println(format(event.nanos(), event.actor(), "call: " + event.text()));
                }
            }
            default -> {
                // checks and processes' starts and ends are told in words by the demo; they are for --diagram
            }
        }
    }

    private void flushStreams() {
        if (out != null) {
            out.flush();
        }
        if (calls != null) {
            calls.flush();
        }
    }

    private void printLoop() {
        synchronized (this) {
            while (!closed) {
                long now = System.nanoTime();
                boolean printed = false;
                while (!pending.isEmpty() && pending.peek().nanos() < now - HOLD_BACK_NANOS) {
                    take();
                    printed = true;
                }
                if (printed) {
                    flushStreams();
                }
                try {
                    wait(pending.isEmpty() ? 0 : 20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private String format(long nanos, String actor, String text) {
        long micros = Math.max(0, nanos - start) / 1000;
        return String.format(LINE, micros / 1_000_000, (micros / 1000) % 1000, actor, text);
    }

    @Override
    public synchronized void close() {
        flush();
        closed = true;
        notifyAll();
    }
}

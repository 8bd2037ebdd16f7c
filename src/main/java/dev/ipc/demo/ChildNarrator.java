// The narrator of a demo's child process: its lines go to the parent through standard output.
package dev.ipc.demo;

import java.io.PrintWriter;

/** One line per event: "@ NANOS KIND TEXT", where KIND is say, trace or fact; TEXT holds no newline. */
final class ChildNarrator implements Narrator {
    static final String MARK = "@ ";

    private final PrintWriter out;
    private final boolean trace;

    ChildNarrator(PrintWriter out, boolean trace) {
        this.out = out;
        this.trace = trace;
    }

    @Override
    public boolean tracing() {
        return trace;
    }

    @Override
    public synchronized void emit(long nanos, String kind, String text) {
        out.print(MARK + nanos + " " + kind + " " + text.replace('\n', ' ') + "\n");
        out.flush();
    }
}

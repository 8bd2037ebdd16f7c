// A demo child's side of the link to its parent: narration out, "go" signals in, and the parent's death noticed.
package dev.ipc.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The parent holds the child's standard input open for as long as it lives. End of file there means the parent
 * is gone (killed, perhaps with SIGKILL, which runs no cleanup): the child then removes the demo's objects, which
 * wakes any sibling blocked on them, and exits.
 */
public final class ChildLink {
    private static final String GONE = "\u0000gone";

    private final Narrator narrator;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Runnable onParentGone;

    private ChildLink(PrintWriter out, boolean trace, Runnable onParentGone) {
        this.narrator = new ChildNarrator(out, trace);
        this.onParentGone = onParentGone;
        Thread reader = new Thread(this::readParent, "ipc-parent-link");
        reader.setDaemon(true);
        reader.start();
    }

    /** onParentGone runs if the parent dies first, then the process exits with status 1. */
    public static ChildLink open(PrintWriter out, boolean trace, Runnable onParentGone) {
        return new ChildLink(out, trace, onParentGone);
    }

    public Narrator narrator() {
        return narrator;
    }

    /** Tells the parent this process has started and waits for its "go". */
    public void ready() {
        narrator.fact("ready", "1");
        awaitGo();
    }

    /** Waits for the parent's next "go" line. */
    public void awaitGo() {
        try {
            String line = lines.take();
            if (line.equals(GONE)) {
                parentGone();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readParent() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // the same as end of file: no parent to hear from
        }
        lines.add(GONE);
        // A child blocked in a system call never reads the queue: act from here.
        parentGone();
    }

    private void parentGone() {
        try {
            onParentGone.run();
        } finally {
            Runtime.getRuntime().halt(1);
        }
    }
}

// --trace: each system call on stderr as it is made, strace-style, with what it means in the documents' terms.
package dev.ipc.pipe;

import dev.ipc.demo.Calls;
import dev.ipc.demo.Diagram;
import dev.ipc.model.WaitStatus;
import dev.ipc.libc.Native;

import java.io.PrintWriter;
import java.util.List;

/**
 * Lines read "parent PID: call(args) = result  # note" for calls this process made and "child PID: ..." for
 * what glibc did in a child before execve (printed once posix_spawn has returned, which it does only after
 * they all succeeded). Calls and results are spelled as strace spells them, so a trace can be checked
 * against strace. Identical consecutive lines are folded into a count.
 */
final class Trace {
    private static final int NOTE_COLUMN = 60;

    private final PrintWriter err;
    private final boolean enabled;
    private final PipeDiagram diagram;
    private final int self;
    private String previous;
    private String previousWho;
    private int repeats;

    /** enabled prints the calls on err; drawn keeps them for --diagram. */
    Trace(PrintWriter err, boolean enabled, boolean drawn) {
        this.err = err;
        this.enabled = enabled;
        this.self = enabled || drawn ? Native.libc().getpid() : 0;
        this.diagram = drawn ? new PipeDiagram("parent " + self) : null;
    }

    /** Whether the calls are printed (--trace). */
    boolean enabled() {
        return enabled;
    }

    /** A check told as the story goes, for the diagram's notes. */
    synchronized void check(String line) {
        if (diagram != null) {
            flushRepeats();
            previous = null;
            diagram.check(line);
        }
    }

    /** The run as a sequence diagram, failures that are no check closing it; with --diagram only. */
    synchronized Diagram diagram(List<String> failures) {
        flushRepeats();
        previous = null;
        return diagram.draw(failures);
    }

    void parent(String call, String note) {
        line("parent " + self, call, note);
    }

    void child(int pid, String call, String note) {
        line("child " + pid, call, note);
    }

    private synchronized void line(String who, String call, String note) {
        if (!enabled && diagram == null) {
            return;
        }
        String text = who + ": " + call;
        if (text.equals(previous)) {
            repeats++;
            return;
        }
        flushRepeats();
        previous = text;
        previousWho = who;
        if (diagram != null) {
            diagram.call(who, call);
        }
        if (enabled) {
            err.println(format(who, call, note));
            err.flush();
        }
    }

    /** One line: "who: call", and the note from a fixed column on. */
    static String format(String who, String call, String note) {
        String text = who + ": " + call;
        if (note == null || note.isEmpty()) {
            return text;
        }
        StringBuilder line = new StringBuilder(text);
        do {
            line.append(' ');
        } while (line.length() < NOTE_COLUMN);
        return line.append("# ").append(note).toString();
    }

    /** The line that stands for identical calls left out. */
    static String repeated(String who, int times) {
        return who + ": ... the same call " + times + " more time" + (times == 1 ? "" : "s");
    }

    synchronized void flush() {
        flushRepeats();
        previous = null;
        if (enabled) {
            err.flush();
        }
    }

    private void flushRepeats() {
        if (repeats > 0) {
            if (diagram != null) {
                diagram.repeated(previousWho, repeated(previousWho, repeats).substring(previousWho.length() + 2));
            }
            if (enabled) {
                err.println(repeated(previousWho, repeats));
            }
            repeats = 0;
        }
    }

    // ---- spelling, as strace spells it ----

    /** A call's result: the value, or "-1 EAGAIN (Resource temporarily unavailable)". */
    static String result(long value, int errno) {
        return Calls.result(value, errno);
    }

    /** Data as a C string literal, cut after 32 bytes as strace cuts it by default. */
    static String quote(byte[] data, int offset, int length) {
        return Calls.quote(data, offset, length);
    }

    /** A path, an argument or a command line, whole. */
    static String quote(String text) {
        return Calls.quote(text);
    }

    /** File status flags as strace spells them: O_WRONLY|O_NONBLOCK. */
    static String openFlags(int flags) {
        StringBuilder text = new StringBuilder(switch (flags & 3) {
            case 0 -> "O_RDONLY";
            case 1 -> "O_WRONLY";
            case 2 -> "O_RDWR";
            default -> "03";
        });
        int rest = flags & ~3;
        int[] bits = {02000, 04000, 040000, 0100000};
        String[] names = {"O_APPEND", "O_NONBLOCK", "O_DIRECT", "O_LARGEFILE"};
        for (int i = 0; i < bits.length; i++) {
            if ((rest & bits[i]) != 0) {
                text.append('|').append(names[i]);
                rest &= ~bits[i];
            }
        }
        return rest == 0 ? text.toString() : text.append("|0").append(Integer.toOctalString(rest)).toString();
    }

    static String argv(List<String> argv) {
        StringBuilder text = new StringBuilder("[");
        for (String arg : argv) {
            if (text.length() > 1) {
                text.append(", ");
            }
            text.append(quote(arg));
        }
        return text.append(']').toString();
    }

    /** A wait status as strace prints it: [{WIFEXITED(s) && WEXITSTATUS(s) == 0}]. */
    static String status(WaitStatus status) {
        if (status.exited()) {
            return "[{WIFEXITED(s) && WEXITSTATUS(s) == " + status.exitCode() + "}]";
        }
        if (status.signaled()) {
            return "[{WIFSIGNALED(s) && WTERMSIG(s) == " + Native.signalName(status.signal())
                    + (status.coreDumped() ? " && WCOREDUMP(s)" : "") + "}]";
        }
        return "[" + status.raw() + "]";
    }

    /** How a child ended, in words: "exited with status 0", "killed by SIGPIPE". */
    static String describe(WaitStatus status) {
        if (status.exited()) {
            return "exited with status " + status.exitCode();
        }
        if (status.signaled()) {
            return "killed by " + Native.signalName(status.signal()) + (status.coreDumped() ? " (core dumped)" : "");
        }
        return "ended with wait status " + status.raw();
    }
}

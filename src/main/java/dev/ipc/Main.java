// Entry point: wires standard streams to the command tree and exits with its code.
package dev.ipc;

import dev.ipc.render.Utf8Output;
import dev.ipc.util.ShutdownHooks;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // picocli's default factory otherwise looks for Groovy's Closure class, which opens and searches the jar
        // that the class-data archive spares every other class from reading.
        System.setProperty("picocli.disable.closures", "true");
        // Every CommandLine registers converters for java.sql and java.time types by reflection, which initialises
        // those classes (DateTimeFormatter's constants among them) on every start; no option has such a type.
        System.setProperty("picocli.converters.excludes", "java\\.sql\\..*,java\\.time\\..*");
        // The file descriptors themselves, with our own buffering: no System.out locking or encoder loop.
        PrintWriter out = Utf8Output.printWriter(new FileOutputStream(FileDescriptor.out), false);
        PrintWriter err = Utf8Output.printWriter(new FileOutputStream(FileDescriptor.err), true);
        int code = run(out, err, true, args);
        out.flush();
        err.flush();
        if (code == 0 && onlyDaemonsLeft()) {
            // Returning ends the JVM with status 0 and runs the same shutdown hooks; System.exit would also, from
            // JDK 21, set up System.Logger's machinery on every run to log the exit (see the README).
            return;
        }
        if (Runtime.version().feature() >= 21 && ShutdownHooks.none()) {
            // Any other status, or threads still running: with no hook of ours to run, halt ends the JVM as exit
            // would (the JVM's own exit work included) without that logging. out and err are flushed above.
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }

    /** Whether every other live thread is a daemon, so that the JVM ends as soon as main returns. */
    private static boolean onlyDaemonsLeft() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        if (count == threads.length) {
            return false; // more than were counted: cannot tell
        }
        for (int i = 0; i < count; i++) {
            if (threads[i] != Thread.currentThread() && threads[i].isAlive() && !threads[i].isDaemon()) {
                return false;
            }
        }
        return true;
    }

    /** Runs one command line in process and returns its exit code; all output goes to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(out, err, false, args);
    }

    /** processStreams: out and err are this process's descriptors 1 and 2, which a child may be given. */
    static int run(PrintWriter out, PrintWriter err, boolean processStreams, String... args) {
        return CommandTree.run(out, err, processStreams, args);
    }
}

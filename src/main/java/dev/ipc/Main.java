// Entry point: wires standard streams to the command tree and exits with its code.
package dev.ipc;

import dev.ipc.render.Utf8Output;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintWriter;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // The file descriptors themselves, with our own buffering: no System.out locking or encoder loop.
        PrintWriter out = Utf8Output.printWriter(new FileOutputStream(FileDescriptor.out), false);
        PrintWriter err = Utf8Output.printWriter(new FileOutputStream(FileDescriptor.err), true);
        int code = CommandTree.run(out, err, true, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line in process and returns its exit code; all output goes to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandTree.run(out, err, false, args);
    }
}

// Entry point: wires standard streams to the command tree and exits with its code.
package dev.ipc;

import dev.ipc.cli.CommandTree;
import dev.ipc.cli.StandardStreams;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Unbuffered FileDescriptor streams with our own buffering: one write per flush, no System.out locking.
        PrintWriter out = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(
                new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
        StandardStreams.register(out);
        int code = run(out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line in process and returns its exit code; all output goes to the given writers. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return CommandTree.run(out, err, args);
    }
}

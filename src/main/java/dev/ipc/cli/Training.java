// Runs read-only commands in process so that a class-data-sharing archive records the classes they load.
package dev.ipc.cli;

import dev.ipc.Main;

import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * scripts/ipc runs this once after a build with -XX:ArchiveClassesAtExit. Only commands that read state
 * are run here: training must never create, remove or change anything.
 */
public final class Training {
    private static final String[][] READ_ONLY_COMMANDS = {
            {"ls"}, {"ls", "-t"}, {"ls", "-i", "0", "-q"}, {"ls", "-l"}, {"ls", "-u"}, {"ls", "--human"},
            {"ls", "--bogus-option"}, {"--help"}, {"ls", "--help"}, {"mk", "--help"}, {"rm", "--help"},
            // refused before anything is made: loads mk's classes
            {"mk", "-Q", "-M", "1K", "-p", "not-a-mode"},
            // msgget without IPC_CREAT only looks: loads the libc bindings, as every mk and rm does
            {"rm", "--dry-run", "-Q", "0x7ffffffe"},
            {"sem", "tune"}, {"msg", "tune"}, {"shm", "tune"},
            // a pipe inside this process only, no child: the demos' picocli model and libc binding
            {"pipe-demo", "nonblock", "--json"},
            // The msg, sem and shm operations: their models, and libc bound through jnr by a stat of an id no
            // object has (IPC_STAT only reads; the answer is EINVAL).
            {"msg", "send", "--help"}, {"msg", "recv", "--help"}, {"sem", "op", "--help"}, {"shm", "read", "--help"},
            {"msg", "demo", "--help"}, {"sem", "demo", "--help"}, {"shm", "demo", "--help"},
            {"msg", "stat", "--id", "2147483647"}, {"sem", "get", "--id", "2147483647"},
            {"shm", "read", "--id", "2147483647"},
            // Fails before it makes anything (no such folder), after loading the FIFO commands' native binding.
            {"fifo", "send", "--dir", "/nonexistent/ipc-training", "ping"}, {"fifo", "serve", "--help"},
    };

    private Training() {
    }

    public static void main(String[] args) {
        PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream());
        for (String[] command : READ_ONLY_COMMANDS) {
            Main.run(sink, sink, command);
        }
        // Command lines named on our own command line too, for commands added later.
        if (args.length > 0) {
            Main.run(sink, sink, args);
        }
    }
}

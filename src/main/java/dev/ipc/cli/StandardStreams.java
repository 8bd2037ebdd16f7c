// Whether a command's output writer is this process's own stdout: demos whose children write to file
// descriptors directly must know where those bytes would end up.
package dev.ipc.cli;

import java.io.PrintWriter;

/**
 * Main registers the writer it wraps around descriptor 1. A command run in process (by a test, say) gets
 * another writer: its children must then not write to descriptor 1, nor read descriptor 0, which belong to
 * whoever runs that process.
 */
public final class StandardStreams {
    private static volatile PrintWriter stdout;

    private StandardStreams() {
    }

    public static void register(PrintWriter processStdout) {
        stdout = processStdout;
    }

    /** True when writing to out means writing to descriptor 1 of this process. */
    public static boolean isProcessStdout(PrintWriter out) {
        return out != null && out == stdout;
    }
}

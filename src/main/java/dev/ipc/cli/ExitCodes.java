// The exit codes of ipc's own commands. Commands that clone a util-linux tool use that tool's codes instead.
package dev.ipc.cli;

public final class ExitCodes {
    public static final int OK = 0;
    /** A runtime failure: the kernel refused, a file could not be read, an object does not exist. */
    public static final int FAILURE = 1;
    /** Bad command-line input, found before anything was changed. */
    public static final int USAGE = 2;

    private ExitCodes() {
    }
}

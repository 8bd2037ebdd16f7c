// A failure to report to the user as one line, with the exit code it deserves.
package dev.ipc.cli;

public class IpcException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int exitCode;

    public IpcException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public IpcException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input: exit code 2. */
    public static IpcException usage(String message) {
        return new IpcException(message, ExitCodes.USAGE);
    }

    /** A runtime failure: exit code 1. */
    public static IpcException failure(String message) {
        return new IpcException(message, ExitCodes.FAILURE);
    }

    public int exitCode() {
        return exitCode;
    }
}

// The exit codes of ipc's own commands. Commands that clone a util-linux tool use that tool's codes instead.
package dev.ipc.cli;

public final class ExitCodes {
    public static final int OK = 0;
    /** A runtime failure: the kernel refused, a file could not be read, an object does not exist. */
    public static final int FAILURE = 1;
    /** Bad command-line input, found before anything was changed. */
    public static final int USAGE = 2;

    // ---- Operations on one queue, semaphore set or segment (ipc msg|sem|shm send, recv, op, read, write ...).
    // Each failure a script may want to tell apart has its own code.

    /** No object with that id or key (or it was removed before the call). */
    public static final int NOT_FOUND = 3;
    /** The object's permissions, or a missing privilege, forbid the operation. */
    public static final int PERMISSION_DENIED = 4;
    /** --nowait was given and the operation would have had to wait (queue full, no message, semaphore taken). */
    public static final int WOULD_BLOCK = 5;
    /** --timeout passed before the operation could complete. */
    public static final int TIMED_OUT = 6;
    /** The object was removed while the operation waited on it (EIDRM). */
    public static final int REMOVED = 7;
    /** A message longer than the kernel, the queue or --max-size allows. */
    public static final int TOO_BIG = 8;
    /** A semaphore number, value or operation count, or a segment offset, outside what the object allows. */
    public static final int OUT_OF_RANGE = 9;

    private ExitCodes() {
    }
}

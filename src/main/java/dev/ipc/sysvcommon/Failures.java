// Turns a failed call on a queue, semaphore set or segment into one clear line and the exit code scripts test.
package dev.ipc.sysvcommon;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.Errno;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVLifecycle;

public final class Failures {
    private Failures() {
    }

    public static IpcException notFound(SystemVKind kind, int id) {
        return new IpcException("no " + kind.noun() + " with id " + id, ExitCodes.NOT_FOUND);
    }

    /**
     * The failure of a call on an object that existed a moment ago; action says what the command tried, as in
     * "cannot {action} message queue 3". Each errno that calls on all three kinds share gets its own exit code;
     * the errnos particular to one call (EAGAIN, E2BIG, ERANGE ...) are for its command to explain first.
     */
    public static IpcException of(NativeCallException e, SystemVKind kind, int id, String action) {
        String object = kind.noun() + (id >= 0 ? " " + id : "");
        return switch (e.errno()) {
            case Errno.EACCES, Errno.EPERM -> new IpcException("permission denied: cannot " + action + " " + object
                    + " (" + e.getMessage() + ")", ExitCodes.PERMISSION_DENIED);
            case Errno.EIDRM -> new IpcException(object + " was removed while waiting to " + action,
                    ExitCodes.REMOVED);
            case Errno.EINVAL -> id >= 0 && !SystemVLifecycle.exists(kind, id)
                    ? new IpcException("no " + kind.noun() + " with id " + id + " (removed?)", ExitCodes.NOT_FOUND)
                    : IpcException.failure("cannot " + action + " " + object + ": " + e.getMessage());
            default -> IpcException.failure("cannot " + action + " " + object + ": " + e.getMessage());
        };
    }
}

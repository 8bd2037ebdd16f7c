// An array of struct sembuf made once and passed to semop or semtimedop as often as needed.
package dev.ipc.libc;

import static dev.ipc.libc.Layouts.SEMBUF_FLG;
import static dev.ipc.libc.Layouts.SEMBUF_NUM;
import static dev.ipc.libc.Layouts.SEMBUF_OP;
import static dev.ipc.libc.Layouts.SEMBUF_SIZE;

public final class SemaphoreOperations {
    private final Pointer operations;
    private final int count;
    private Pointer timeout;

    /** Operation i acts on semaphore numbers[i], adding values[i] (0: wait for zero), with flags[i]. */
    public SemaphoreOperations(int[] numbers, int[] values, int[] flags) {
        count = numbers.length;
        operations = Native.allocate(SEMBUF_SIZE * Math.max(count, 1));
        for (int i = 0; i < count; i++) {
            long at = (long) SEMBUF_SIZE * i;
            operations.putShort(at + SEMBUF_NUM, (short) numbers[i]);
            operations.putShort(at + SEMBUF_OP, (short) values[i]);
            operations.putShort(at + SEMBUF_FLG, (short) flags[i]);
        }
    }

    /**
     * Binds semop (and opens libc) now, so that a loop that times its operations starts with its first operation
     * rather than with looking the function up.
     */
    public void bindCalls() {
        Native.libc().bindSemop();
    }

    /** One semop: all operations happen at once or none does. A failure carries semop's errno. */
    public void apply(int id) {
        Native.check("semop", Native.libc().semop(id, operations, count));
    }

    /**
     * semop, called again when a signal handler interrupts it: the kernel never restarts semop (signal(7)), and a
     * process that waits for a semaphore means to go on waiting.
     */
    public void applyWaiting(int id) {
        while (true) {
            try {
                apply(id);
                return;
            } catch (NativeCallException e) {
                if (e.errno() != Errno.EINTR) {
                    throw e;
                }
            }
        }
    }

    /** semop without blocking: false when it would have blocked (EAGAIN), with nothing changed. */
    public boolean tryApply(int id) {
        if (Native.libc().semop(id, operations, count) == 0) {
            return true;
        }
        int errno = Native.errno();
        if (errno == Errno.EAGAIN) {
            return false;
        }
        throw new NativeCallException("semop", errno, Native.describe(errno));
    }

    /** semtimedop: as {@link #apply}, but fails with EAGAIN once timeoutNanos have passed while blocked. */
    public void apply(int id, long timeoutNanos) {
        if (timeout == null) {
            timeout = Native.allocate(Layouts.TIMESPEC_SIZE);
        }
        timeout.putLong(Layouts.TIMESPEC_SEC, timeoutNanos / 1_000_000_000L);
        timeout.putLong(Layouts.TIMESPEC_NSEC, timeoutNanos % 1_000_000_000L);
        Native.check("semtimedop", Native.libc().semtimedop(id, operations, count, timeout));
    }
}

// Puts a time limit on a blocking msgsnd or msgrcv, which have no timed form (semop has semtimedop).
package dev.ipc.libc;

/**
 * Once the deadline passes, a timer thread sends SIGPIPE to the waiting thread. HotSpot catches SIGPIPE and ignores
 * it, and the kernel never restarts an interrupted System V call after a handler ran (signal(7)), so the call
 * returns EINTR and the caller sees {@link #rang()}. A message that arrives as the alarm rings is still received:
 * the call either completes or fails, it never loses one, unlike a receive left blocked in another thread.
 * Polling with IPC_NOWAIT would also work, but would lose the kernel's direct hand-over to a sleeping receiver.
 * <p>
 * The signal is sent again every few milliseconds until {@link #close()}, because the first one may land just
 * before the thread enters the call. After close returns, no signal is sent.
 */
public final class ThreadAlarm implements AutoCloseable {
    private static final long REPEAT_NANOS = 5_000_000;

    private final long deadline;
    private final Object lock = new Object();
    private final Thread timer;
    private boolean closed;
    private volatile boolean rang;

    private ThreadAlarm(long deadlineNanos, int pid, int tid) {
        this.deadline = deadlineNanos;
        timer = new Thread(() -> ring(pid, tid), "ipc-alarm");
        timer.setDaemon(true);
        timer.start();
    }

    /** An alarm for the calling thread, at a System.nanoTime() deadline. */
    public static ThreadAlarm at(long deadlineNanos) {
        LibC libc = Native.libc();
        return new ThreadAlarm(deadlineNanos, libc.getpid(), libc.gettid());
    }

    /** True once the deadline has passed and the thread was signalled. */
    public boolean rang() {
        return rang;
    }

    private void ring(int pid, int tid) {
        try {
            for (long left = deadline - System.nanoTime(); left > 0; left = deadline - System.nanoTime()) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
            while (true) {
                synchronized (lock) {
                    if (closed) {
                        return;
                    }
                    rang = true;
                    Native.libc().tgkill(pid, tid, Posix.SIGPIPE);
                }
                Thread.sleep(REPEAT_NANOS / 1_000_000);
            }
        } catch (InterruptedException closing) {
            // close() wakes the timer so that it ends at once
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        timer.interrupt();
    }
}

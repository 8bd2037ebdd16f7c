// Work started on a daemon thread of its own and joined when its answer is needed: reads that overlap start-up.
package dev.ipc.util;

import java.util.concurrent.Callable;

/**
 * A thread that is joined, not a FutureTask: FutureTask keeps its state in VarHandles, whose first use links
 * method handles at run time, which a command's start-up paid for a single read.
 */
public final class Background<T> extends Thread {
    private final Callable<T> work;
    private T result;
    private Throwable failure;

    private Background(String name, Callable<T> work) {
        super(name);
        this.work = work;
        setDaemon(true);
    }

    /** The work, started now on a daemon thread with this name. */
    public static <T> Background<T> start(String name, Callable<T> work) {
        Background<T> background = new Background<>(name, work);
        background.start();
        return background;
    }

    @Override
    public void run() {
        try {
            result = work.call();
        } catch (Throwable e) {
            failure = e;
        }
    }

    /**
     * The work's answer, once it is done; what it threw is thrown here as it was. An interrupt does not cut the
     * wait short (the answer is due soon, and the caller cannot go on without it): it is kept for the caller.
     */
    public T answer() throws Exception {
        boolean interrupted = false;
        while (isAlive()) {
            try {
                join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure instanceof Exception exception) {
            throw exception;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return result;
    }

    /** As {@link #answer}, for work that throws no checked exception: one that it throws all the same is wrapped. */
    public T uncheckedAnswer() {
        try {
            return answer();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

// Runs a few independent tasks at once, on plain threads: the listing of each resource is independent, and
// the machines this runs on have at least two cores.
package dev.ipc.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

public final class Parallel {
    private Parallel() {
    }

    /**
     * Runs the first task on the calling thread and the others on new daemon threads; returns the results
     * in order. A task's unchecked exception is rethrown as it was.
     */
    public static <T> List<T> all(List<Callable<T>> tasks) {
        List<FutureTask<T>> futures = new ArrayList<>(tasks.size());
        for (Callable<T> task : tasks) {
            futures.add(new FutureTask<>(task));
        }
        for (int i = 1; i < futures.size(); i++) {
            Thread thread = new Thread(futures.get(i), "ipc worker " + i);
            thread.setDaemon(true);
            thread.start();
        }
        if (!futures.isEmpty()) {
            futures.get(0).run();
        }
        List<T> results = new ArrayList<>(futures.size());
        for (FutureTask<T> future : futures) {
            try {
                results.add(future.get());
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        return results;
    }
}

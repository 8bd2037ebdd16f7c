// Runs a few independent tasks at once, on plain threads: the listing of each resource is independent, and
// the machines this runs on have at least two cores.
package dev.ipc.util;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

public final class Parallel {
    private Parallel() {
    }

    /**
     * Runs the first task on the calling thread and the others on new daemon threads; returns the results
     * in order. A task's unchecked exception is rethrown as it was.
     */
    public static <T> List<T> all(List<Callable<T>> tasks) {
        List<Background<T>> others = new ArrayList<>(tasks.size());
        for (int i = 1; i < tasks.size(); i++) {
            others.add(Background.start("ipc worker " + i, tasks.get(i)));
        }
        List<T> results = new ArrayList<>(tasks.size());
        if (!tasks.isEmpty()) {
            try {
                results.add(tasks.get(0).call());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        for (Background<T> other : others) {
            results.add(other.uncheckedAnswer());
        }
        return results;
    }
}

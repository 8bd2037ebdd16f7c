// The shutdown hooks ipc registers, counted: a run that left none ends without Runtime.exit (see dev.ipc.Main).
package dev.ipc.util;

public final class ShutdownHooks {
    private static int registered;

    private ShutdownHooks() {
    }

    /** Runtime.addShutdownHook, counted. */
    public static synchronized void add(Thread hook) {
        Runtime.getRuntime().addShutdownHook(hook);
        registered++;
    }

    /** Runtime.removeShutdownHook, counted; false when the hook was not registered. */
    public static synchronized boolean remove(Thread hook) {
        boolean removed = Runtime.getRuntime().removeShutdownHook(hook);
        if (removed) {
            registered--;
        }
        return removed;
    }

    /** Whether no hook of ours is registered now. */
    public static synchronized boolean none() {
        return registered == 0;
    }
}

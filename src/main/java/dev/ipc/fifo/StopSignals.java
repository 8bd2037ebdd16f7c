// SIGINT and SIGTERM as requests to stop cleanly, for as long as this is open; the JVM's own handling after.
package dev.ipc.fifo;

import sun.misc.Signal;
import sun.misc.SignalHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * A shutdown hook would run only once the JVM is already exiting, with status 143 for SIGTERM; a handler lets
 * the server finish the requests in hand, remove its FIFO and exit 0. The JVM runs the handler on a thread of
 * its own, so it works while the server's thread is blocked in read(). A JVM started with SIGINT ignored (a
 * background job of a non-interactive shell) keeps ignoring it, as the shell meant.
 */
final class StopSignals implements AutoCloseable {
    private static final String[] NAMES = {"INT", "TERM"};

    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private StopSignals() {
    }

    /** stop receives "SIGINT" or "SIGTERM". */
    static StopSignals install(Consumer<String> stop) {
        StopSignals installed = new StopSignals();
        for (String name : NAMES) {
            Signal signal = new Signal(name);
            try {
                installed.previous.add(Signal.handle(signal, s -> stop.accept("SIG" + s.getName())));
                installed.signals.add(signal);
            } catch (IllegalArgumentException reserved) {
                // -Xrs or a signal the VM keeps for itself: the JVM's default (exit) stays.
            }
        }
        return installed;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}

// Forwards to the shared duration grammar (dev.ipc.cli.Durations) for ClientFifo, which is being rewritten elsewhere.
package dev.ipc.fifo;

final class Durations {
    private Durations() {
    }

    static String format(long nanos) {
        return dev.ipc.cli.Durations.format(nanos);
    }
}

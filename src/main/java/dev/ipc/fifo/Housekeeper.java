// The server's timer thread: ends it after --idle-timeout or when its FIFO is gone, and wakes it now and then
// while it holds client FIFOs open but no requests come, so that it can close them.
package dev.ipc.fifo;

import dev.ipc.cli.Durations;
import dev.ipc.libc.FileStatus;

final class Housekeeper implements AutoCloseable {
    private static final long TICK_NANOS = 200_000_000L;

    private final Thread thread;

    private Housekeeper(Thread thread) {
        this.thread = thread;
    }

    /** idleNanos 0: no idle timeout. */
    static Housekeeper start(FifoServer server, long idleNanos) {
        Thread thread = new Thread(() -> run(server, idleNanos), "fifo-housekeeper");
        thread.setDaemon(true);
        thread.start();
        return new Housekeeper(thread);
    }

    private static void run(FifoServer server, long idleNanos) {
        FileStatus status = new FileStatus();
        try {
            while (!server.stopping()) {
                if (!server.reachable(status)) {
                    server.fail(FifoProtocol.SERVER_FIFO + " was removed or replaced: no client can reach the server");
                    return;
                }
                long idle = System.nanoTime() - server.lastRequestNanos();
                if (idleNanos > 0 && idle >= idleNanos) {
                    server.stop("no request for " + Durations.format(idleNanos));
                    return;
                }
                if (server.openClientFifos() > 0 && idle >= ReplyChannels.IDLE_NANOS) {
                    server.poke();
                }
                long sleep = idleNanos > 0 ? Math.min(TICK_NANOS, idleNanos - idle) : TICK_NANOS;
                Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
            }
        } catch (InterruptedException done) {
            // The server stopped.
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

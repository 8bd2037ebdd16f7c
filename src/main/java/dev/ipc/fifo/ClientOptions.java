// The options of the FIFO server's clients (send, bench): where the server is, and how long to wait for it.
package dev.ipc.fifo;

import dev.ipc.cli.Durations;
import picocli.CommandLine.Option;

import java.nio.file.Path;

final class ClientOptions {
    @Option(names = "--dir", paramLabel = "DIR",
            description = "The server's folder (default $XDG_RUNTIME_DIR/ipc-fifo, else /tmp/ipc-fifo-UID).")
    Path directory;

    @Option(names = "--shared",
            description = "Talk to a server of another user of the folder's group: our FIFO gets mode 0620.")
    boolean shared;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "5s",
            description = "Give up on a request without a reply after DURATION, more than 0 (default ${DEFAULT-VALUE}). "
                    + Durations.HELP)
    String timeout;

    Path directory() {
        return FifoProtocol.directory(directory);
    }

    /** Checked before anything is made. */
    long timeoutNanos() {
        return Durations.positiveNanos("--timeout", timeout);
    }
}

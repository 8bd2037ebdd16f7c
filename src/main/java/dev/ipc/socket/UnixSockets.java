// /proc/net/unix: the Unix sockets of this network namespace, with their names (see proc-interfaces.md).
package dev.ipc.socket;

import dev.ipc.demo.DemoFailure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

final class UnixSockets {
    private static final Path TABLE = Path.of("/proc/net/unix");

    private UnixSockets() {
    }

    /** Whether a socket bound to the abstract name is listed: "@name" ends its line. */
    static boolean listed(String abstractName) {
        try (var lines = Files.lines(TABLE)) {
            return lines.anyMatch(line -> line.endsWith(" @" + abstractName));
        } catch (IOException e) {
            throw new DemoFailure("cannot read " + TABLE + ": " + e.getMessage());
        }
    }
}

// What a bad command line meets: a queue with a message, a segment and a set that exist, and a private folder.
package dev.ipc.safety;

import dev.ipc.support.Kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Lines name them by placeholders: {Q}, {M} and {S} for the ids, {TMP} for the folder, which holds a file
 * existing.conf, a folder dir and a folder fifo, and is the root that tune's --persist looks under.
 */
record Fixture(Path tmp, int queue, int segment, int set) {
    static Fixture create(Path tmp) throws IOException {
        System.setProperty("ipc.sysctl.root", tmp.toString());
        Files.writeString(tmp.resolve("existing.conf"), "kernel.msgmni = 1024\n");
        Files.createDirectories(tmp.resolve("dir"));
        Files.createDirectories(tmp.resolve("fifo"));
        int queue = Kernel.createQueue(0x5afe, 0600);
        Kernel.send(queue, 1, "kept");
        int segment = Kernel.createSegment(0x5afe, 4096, 0600);
        int set = Kernel.createSemaphores(0x5afe, 2, 0600);
        Kernel.setValue(set, 1, 3);
        return new Fixture(tmp, queue, segment, set);
    }

    /** The objects are the test's, removed with the rest; the root goes back to the machine's. */
    static void close() {
        System.clearProperty("ipc.sysctl.root");
    }

    String fill(String line) {
        return line.replace("{TMP}", tmp.toString()).replace("{Q}", Integer.toString(queue))
                .replace("{M}", Integer.toString(segment)).replace("{S}", Integer.toString(set));
    }

    SystemState capture() {
        return SystemState.capture(queue, segment, set, tmp);
    }
}

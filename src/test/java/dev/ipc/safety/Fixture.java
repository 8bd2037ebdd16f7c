// What a bad command line meets: a queue with a message, a segment and a set that exist, and a private folder.
package dev.ipc.safety;

import dev.ipc.model.PosixResource;
import dev.ipc.procfs.PosixIpcFiles;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.support.Kernel;
import dev.ipc.libc.PosixIpc;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Lines name them by placeholders: {Q}, {M} and {S} for the ids, {TMP} for the folder, which holds a file
 * existing.conf, a folder dir and a folder fifo, and is the root that tune's --persist looks under. Registered
 * after {@link dev.ipc.tune.PrivateLimits}, which requires the private namespace and empties the System V tables
 * around each test; a POSIX object a failing case made is removed here, so that the next case starts clean.
 */
final class Fixture implements BeforeEachCallback, AfterEachCallback {
    private Path tmp;
    private int queue;
    private int segment;
    private int set;

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        tmp = Files.createTempDirectory("ipc-safety");
        System.setProperty("ipc.sysctl.root", tmp.toString());
        Files.writeString(tmp.resolve("existing.conf"), "kernel.msgmni = 1024\n");
        Files.createDirectories(tmp.resolve("dir"));
        Files.createDirectories(tmp.resolve("fifo"));
        queue = Kernel.createQueue(0x5afe, 0600);
        Kernel.send(queue, 1, "kept");
        segment = Kernel.createSegment(0x5afe, 4096, 0600);
        set = Kernel.createSemaphores(0x5afe, 2, 0600);
        Kernel.setValue(set, 1, 3);
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        System.clearProperty("ipc.sysctl.root");
        PosixIpcFiles files = new PosixIpcFiles(SystemPaths.fromSystemProperties());
        for (PosixResource resource : PosixResource.values()) {
            for (PosixIpcFiles.Entry entry : files.list(resource)) {
                PosixIpc.unlink(resource, entry.name());
            }
        }
        try (Stream<Path> tree = Files.walk(tmp)) {
            for (Path path : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    String fill(String line) {
        return line.replace("{TMP}", tmp.toString()).replace("{Q}", Integer.toString(queue))
                .replace("{M}", Integer.toString(segment)).replace("{S}", Integer.toString(set));
    }

    SystemState capture() {
        return SystemState.capture(queue, segment, set, tmp);
    }
}

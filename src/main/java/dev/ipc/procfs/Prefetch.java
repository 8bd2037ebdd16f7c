// Reads of kernel files started on other threads while the command line is still being parsed.
package dev.ipc.procfs;

import dev.ipc.util.Background;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * The kernel prints /proc/sysvipc in the reading thread's system time, which grows with the number of objects.
 * ipc ls's start-up path (dev.ipc.LsFastPath) starts those reads first, one thread per file, so that they
 * overlap with JVM start-up, the parsing of the line and each other; readers take the bytes through
 * {@link #read}. A prefetch belongs to one command run (its RunContext): a later run never sees old data.
 */
public final class Prefetch {
    /** Nothing read ahead: every read is made when asked for. */
    public static final Prefetch NONE = new Prefetch(Map.of());

    private final Map<Path, Background<byte[]>> reads;

    private Prefetch(Map<Path, Background<byte[]>> reads) {
        this.reads = reads;
    }

    public static Prefetch start(List<Path> files) {
        Map<Path, Background<byte[]>> reads = new HashMap<>();
        for (Path file : files) {
            reads.put(file, Background.start("prefetch " + file, new FileRead(file)));
        }
        return new Prefetch(reads);
    }

    /** The file's bytes: prefetched when a read was started for it, else read now. */
    public byte[] read(Path file) throws IOException {
        Background<byte[]> read = reads.isEmpty() ? null : reads.get(file);
        if (read == null) {
            return ProcFile.readAllBytes(file);
        }
        try {
            return read.answer();
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private record FileRead(Path file) implements Callable<byte[]> {
        @Override
        public byte[] call() throws IOException {
            return ProcFile.readAllBytes(file);
        }
    }
}

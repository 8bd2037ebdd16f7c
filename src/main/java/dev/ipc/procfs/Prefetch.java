// Reads of kernel files started on other threads while the command line is still being parsed.
package dev.ipc.procfs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The kernel prints /proc/sysvipc in the reading thread's system time, which grows with the number of objects.
 * ipc ls's start-up path (dev.ipc.LsFastPath) starts those reads first, one thread per file, so that they
 * overlap with JVM start-up, the parsing of the line and each other; readers take the bytes through
 * {@link #read}. A prefetch belongs to one command run (its RunContext): a later run never sees old data.
 */
public final class Prefetch {
    /** Nothing read ahead: every read is made when asked for. */
    public static final Prefetch NONE = new Prefetch(Map.of());

    private final Map<Path, FutureTask<byte[]>> reads;

    private Prefetch(Map<Path, FutureTask<byte[]>> reads) {
        this.reads = reads;
    }

    public static Prefetch start(List<Path> files) {
        Map<Path, FutureTask<byte[]>> reads = new HashMap<>();
        for (Path file : files) {
            FutureTask<byte[]> read = new FutureTask<>(new FileRead(file));
            Thread thread = new Thread(read, "prefetch " + file);
            thread.setDaemon(true);
            thread.start();
            reads.put(file, read);
        }
        return new Prefetch(reads);
    }

    /** The file's bytes: prefetched when a read was started for it, else read now. */
    public byte[] read(Path file) throws IOException {
        FutureTask<byte[]> read = reads.isEmpty() ? null : reads.get(file);
        if (read == null) {
            return ProcFile.readAllBytes(file);
        }
        try {
            return read.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + file, e);
        }
    }

    private record FileRead(Path file) implements Callable<byte[]> {
        @Override
        public byte[] call() throws IOException {
            return ProcFile.readAllBytes(file);
        }
    }
}

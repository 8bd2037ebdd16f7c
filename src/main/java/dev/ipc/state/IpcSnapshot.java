// Everything once: all IPC objects of the namespace, the limits and their use, read together, for views that
// show it all at each refresh or scrape (ipc metrics, ipc top).
package dev.ipc.state;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.LimitRow;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixMessageQueue;
import dev.ipc.model.PosixSemaphore;
import dev.ipc.model.PosixSharedMemory;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.procfs.PosixIpcReader;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.libc.PageSize;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Each /proc file and directory is read once per snapshot, and the use of the limits is summed from those same
 * lists, so that counts, limits and objects agree with each other (node_exporter's one read per scrape).
 * POSIX kinds whose file system cannot be read are empty, with the reason in {@link #unreadable}.
 *
 * @param posixQueuesMounted whether the mqueue file system was there to read (MQUMNI's use is unknown if not)
 * @param unreadable         one line per POSIX kind that could not be read: "/dev/mqueue does not seem ..."
 */
public record IpcSnapshot(List<MessageQueue> queues, List<SharedMemorySegment> segments, List<SemaphoreSet> sets,
                          List<PosixMessageQueue> posixQueues, List<PosixSharedMemory> posixSharedMemory,
                          List<PosixSemaphore> posixSemaphores, boolean posixQueuesMounted,
                          IpcLimits limits, IpcUsage usage, List<String> unreadable) {

    public static IpcSnapshot read(SystemPaths paths) {
        SystemVSource systemV = new SystemVSource(paths);
        List<MessageQueue> queues = systemV.messageQueues();
        List<SharedMemorySegment> segments = systemV.sharedMemorySegments();
        List<SemaphoreSet> sets = systemV.semaphoreSets();
        IpcLimits limits = systemV.limits();
        IpcUsage usage = SystemVSource.usage(queues, segments, sets, PageSize.get());
        PosixIpcReader posix = new PosixIpcReader(paths);
        List<String> unreadable = new ArrayList<>();
        List<PosixMessageQueue> posixQueues = List.of();
        boolean mounted = false;
        try {
            posixQueues = posix.messageQueues();
            mounted = true;
        } catch (IOException e) {
            unreadable.add(reason(e));
        }
        List<PosixSharedMemory> posixSharedMemory = List.of();
        List<PosixSemaphore> posixSemaphores = List.of();
        try {
            posixSharedMemory = posix.sharedMemory();
            posixSemaphores = posix.semaphores();
        } catch (IOException e) {
            unreadable.add(reason(e));
        }
        return new IpcSnapshot(queues, segments, sets, posixQueues, posixSharedMemory, posixSemaphores, mounted,
                limits, usage, List.copyOf(unreadable));
    }

    /** Every limit with its use, as ipc ls -g shows them. */
    public List<LimitRow> limitRows() {
        return LimitTable.all(limits, usage,
                posixQueuesMounted ? OptionalLong.of(posixQueues.size()) : OptionalLong.empty());
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException missing) {
            return missing.getFile() + ": No such file or directory";
        }
        if (e instanceof AccessDeniedException denied) {
            return denied.getFile() + ": Permission denied";
        }
        return e.getMessage();
    }
}

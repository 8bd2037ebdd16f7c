// Everything IPC at one moment: limits, usage and every object of the six kinds, each kernel file read once.
package dev.ipc.source;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.LimitInUse;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixMessageQueue;
import dev.ipc.model.PosixSemaphore;
import dev.ipc.model.PosixSharedMemory;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.proc.IpcNamespace;
import dev.ipc.proc.PosixIpcReader;
import dev.ipc.proc.SystemPaths;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.OptionalLong;

/**
 * For live views and scrapes (ipc top, ipc metrics): one read of each /proc/sysvipc file gives both the objects and
 * the usage sums, where SystemVSource's usage() reads them again.
 *
 * @param epochMillis  when the reading started, for the header
 * @param nanoTime     System.nanoTime() then, for rates between two snapshots
 * @param posixQueuesRead whether the mqueue file system could be listed (else posixQueues is empty)
 * @param problems     what could not be read (POSIX queues where mqueue is not mounted), one line each
 */
public record IpcSnapshot(long epochMillis, long nanoTime, IpcNamespace namespace, IpcLimits limits,
                          IpcUsage usage, List<MessageQueue> queues, List<SharedMemorySegment> segments,
                          List<SemaphoreSet> semaphoreSets, List<PosixMessageQueue> posixQueues,
                          List<PosixSharedMemory> posixSharedMemory, List<PosixSemaphore> posixSemaphores,
                          boolean posixQueuesRead, List<String> problems) {

    public static IpcSnapshot read(SystemPaths paths, long pageSize) {
        long epochMillis = System.currentTimeMillis();
        long nanoTime = System.nanoTime();
        SystemVSource source = new SystemVSource(paths);
        List<MessageQueue> queues = source.messageQueues();
        List<SharedMemorySegment> segments = source.sharedMemorySegments();
        List<SemaphoreSet> sets = source.semaphoreSets();
        List<String> problems = new ArrayList<>();
        PosixIpcReader posix = new PosixIpcReader(paths);
        List<PosixMessageQueue> posixQueues = List.of();
        boolean posixQueuesRead = false;
        List<PosixSharedMemory> posixSharedMemory = List.of();
        List<PosixSemaphore> posixSemaphores = List.of();
        try {
            posixQueues = posix.messageQueues();
            posixQueuesRead = true;
        } catch (IOException e) {
            problems.add(e.getMessage());
        }
        try {
            posixSharedMemory = posix.sharedMemory();
            posixSemaphores = posix.semaphores();
        } catch (IOException e) {
            problems.add(paths.devShm() + ": " + e.getMessage());
        }
        return new IpcSnapshot(epochMillis, nanoTime, IpcNamespace.read(paths.ipcNamespace()), source.limits(),
                SystemVSource.usage(queues, segments, sets, pageSize), queues, segments, sets, posixQueues,
                posixSharedMemory, posixSemaphores, posixQueuesRead, List.copyOf(problems));
    }

    /** The limits table of ls -g, every row. */
    public List<LimitInUse> limitsInUse() {
        return LimitsInUse.rows(limits, usage, EnumSet.allOf(SystemVKind.class), true,
                posixQueuesRead ? OptionalLong.of(posixQueues.size()) : OptionalLong.empty());
    }
}

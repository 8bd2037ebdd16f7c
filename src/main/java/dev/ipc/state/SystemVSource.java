// System V IPC objects, limits and usage: from /proc as ipcs reads them, from the kernel's calls when /proc
// cannot be read.
package dev.ipc.state;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.KernelLimitsReader;
import dev.ipc.procfs.Prefetch;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.procfs.SysvIpcProcReader;
import dev.ipc.libc.SystemVCalls;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

public final class SystemVSource {
    private final SysvIpcProcReader proc;
    private final KernelLimitsReader limitsReader;

    public SystemVSource(SystemPaths paths) {
        this(paths, Prefetch.NONE);
    }

    /** With the /proc/sysvipc files a run read ahead. */
    public SystemVSource(SystemPaths paths, Prefetch prefetch) {
        this.proc = new SysvIpcProcReader(paths.sysvipc(), prefetch);
        this.limitsReader = new KernelLimitsReader(paths);
    }

    public List<MessageQueue> messageQueues() {
        try {
            return proc.messageQueues();
        } catch (IOException e) {
            return SystemVCalls.messageQueues();
        }
    }

    public List<SharedMemorySegment> sharedMemorySegments() {
        try {
            return proc.sharedMemorySegments();
        } catch (IOException e) {
            return SystemVCalls.sharedMemorySegments();
        }
    }

    public List<SemaphoreSet> semaphoreSets() {
        try {
            return proc.semaphoreSets();
        } catch (IOException e) {
            return SystemVCalls.semaphoreSets();
        }
    }

    public Optional<MessageQueue> messageQueue(int id) {
        return withId(messageQueues(), id);
    }

    public Optional<SharedMemorySegment> sharedMemorySegment(int id) {
        return withId(sharedMemorySegments(), id);
    }

    public Optional<SemaphoreSet> semaphoreSet(int id) {
        return withId(semaphoreSets(), id);
    }

    // A loop, not a stream with a lambda: ls -i and the commands on one object would link the JVM's lambda
    // machinery for this alone.
    private static <T extends SystemVObject> Optional<T> withId(List<T> objects, int id) {
        for (T object : objects) {
            if (object.id() == id) {
                return Optional.of(object);
            }
        }
        return Optional.empty();
    }

    public IpcLimits limits() {
        try {
            return limitsReader.limits();
        } catch (IOException e) {
            return SystemVCalls.limits();
        }
    }

    /**
     * What MSG_INFO, SHM_INFO and SEM_INFO report, summed from the listings so that a listing from /proc need
     * not load native code: the kernel computes the same sums (in_use, msg_hdrs, msg_bytes, shm_tot, ...).
     */
    public IpcUsage usage(long pageSize) {
        try {
            return usageFromProc(pageSize);
        } catch (IOException e) {
            return SystemVCalls.usage();
        }
    }

    private IpcUsage usageFromProc(long pageSize) throws IOException {
        return usage(proc.messageQueues(), proc.sharedMemorySegments(), proc.semaphoreSets(), pageSize);
    }

    /** The sums MSG_INFO, SHM_INFO and SEM_INFO report, over these listings (shm_tot counts whole pages). */
    public static IpcUsage usage(List<MessageQueue> queues, List<SharedMemorySegment> segments,
                                 List<SemaphoreSet> sets, long pageSize) {
        long messages = 0;
        long bytes = 0;
        for (MessageQueue queue : queues) {
            messages += queue.messages();
            bytes += queue.usedBytes();
        }
        long pages = 0;
        long resident = 0;
        long swapped = 0;
        for (SharedMemorySegment segment : segments) {
            pages += Long.divideUnsigned(segment.size() + pageSize - 1, pageSize);
            resident += segment.residentBytes().orElse(0) / pageSize;
            swapped += segment.swappedBytes().orElse(0) / pageSize;
        }
        long semaphores = 0;
        for (SemaphoreSet set : sets) {
            semaphores += set.count();
        }
        return new IpcUsage(queues.size(), messages, bytes, segments.size(), pages, resident, swapped,
                sets.size(), semaphores);
    }
}

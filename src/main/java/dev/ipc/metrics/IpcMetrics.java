// The families of ipc metrics, from one snapshot of the namespace's IPC state.
package dev.ipc.metrics;

import dev.ipc.model.LimitRow;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.render.TextBuffer;
import dev.ipc.state.IpcSnapshot;
import dev.ipc.state.Orphans;
import dev.ipc.state.UserDirectory;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.util.Parallel;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Names follow Prometheus's conventions: base units in the name (_bytes), a gauge for every figure (each can go
 * down), a bounded number of series: per-object families cover at most maxObjects objects of each System V kind,
 * and ipc_objects_omitted counts the rest. What /proc does not show is read with the kernel's calls, for those
 * objects only: a queue's byte limit (msgctl IPC_STAT) and a set's waiters (semctl GETNCNT and GETZCNT). An
 * object that cannot be read so (gone meanwhile, or not ours to read) has no sample in that family.
 */
final class IpcMetrics {
    private final IpcSnapshot snapshot;
    private final int maxObjects;
    private final UserDirectory users;
    private final Orphans orphans;
    private final Exposition out;

    /** Adds this snapshot's families to out, whose labels say which namespace it is of, if need be. */
    IpcMetrics(IpcSnapshot snapshot, int maxObjects, UserDirectory users, Orphans orphans, Exposition out) {
        this.snapshot = snapshot;
        this.maxObjects = maxObjects;
        this.users = users;
        this.orphans = orphans;
        this.out = out;
    }

    void write() {
        List<MessageQueue> queues = capped(snapshot.queues());
        List<SharedMemorySegment> segments = capped(snapshot.segments());
        List<SemaphoreSet> sets = capped(snapshot.sets());
        // What only the kernel's calls tell, read on three threads: the per-object figures of the capped
        // objects, and whether each object is an orphan (semctl on every set, a scan of /proc for the queues).
        // A set's semaphores are read once, for its waiters and for the orphan decision.
        Map<SemaphoreSet, Optional<List<Semaphore>>> semaphores = new IdentityHashMap<>();
        Map<MessageQueue, OptionalLong> capacities = new IdentityHashMap<>();
        List<Long> orphanCounts = Parallel.all(List.<Callable<Long>>of(
                () -> {
                    for (SemaphoreSet set : sets) {
                        semaphores.put(set, semaphores(set));
                    }
                    for (MessageQueue queue : queues) {
                        capacities.put(queue, capacity(queue));
                    }
                    return countOrphans(snapshot.segments());
                },
                () -> countOrphans(snapshot.queues()),
                () -> countOrphans(snapshot.sets().subList(sets.size(), snapshot.sets().size()))));
        long orphanSets = orphanCounts.get(2);
        for (Map.Entry<SemaphoreSet, Optional<List<Semaphore>>> read : semaphores.entrySet()) {
            if (read.getValue().map(list -> orphans.orphan(read.getKey(), list)).orElse(false)) {
                orphanSets++;
            }
        }

        out.gauge("ipc_objects", "IPC objects that exist, by kind.");
        out.sample("ipc_objects", snapshot.queues().size(), "kind", "queue");
        out.sample("ipc_objects", snapshot.segments().size(), "kind", "segment");
        out.sample("ipc_objects", snapshot.sets().size(), "kind", "semaphore_set");
        if (snapshot.posixQueuesMounted()) { // else unknown, not none
            out.sample("ipc_objects", snapshot.posixQueues().size(), "kind", "posix_queue");
        }
        out.sample("ipc_objects", snapshot.posixSharedMemory().size(), "kind", "posix_shm");
        out.sample("ipc_objects", snapshot.posixSemaphores().size(), "kind", "posix_semaphore");

        out.gauge("ipc_objects_omitted", "System V objects left out of the per-object families by --max-objects.");
        out.sample("ipc_objects_omitted", snapshot.queues().size() - queues.size(), "kind", "queue");
        out.sample("ipc_objects_omitted", snapshot.segments().size() - segments.size(), "kind", "segment");
        out.sample("ipc_objects_omitted", snapshot.sets().size() - sets.size(), "kind", "semaphore_set");

        List<LimitRow> limits = snapshot.limitRows();
        out.gauge("ipc_limit", "The kernel's IPC limits, by lsipc's resource name, in the limit's own unit "
                + "(bytes for sizes, pages for SHMALL, else a count).");
        for (LimitRow row : limits) {
            out.sample("ipc_limit", row.limit(), "resource", row.resource());
        }
        out.gauge("ipc_limit_used", "How much of each IPC limit is in use, where the kernel counts it, "
                + "in the limit's unit.");
        for (LimitRow row : limits) {
            if (row.used().isPresent()) {
                out.sample("ipc_limit_used", row.used().getAsLong(), "resource", row.resource());
            }
        }

        out.gauge("ipc_orphans", "System V objects no live process is known to use (as ipc ls --orphans counts "
                + "them).");
        out.sample("ipc_orphans", orphanCounts.get(1), "kind", "queue");
        out.sample("ipc_orphans", orphanCounts.get(0), "kind", "segment");
        out.sample("ipc_orphans", orphanSets, "kind", "semaphore_set");

        perObject("ipc_queue_messages", "Messages in a System V message queue (qnum).", queues,
                queue -> OptionalLong.of(queue.messages()));
        perObject("ipc_queue_bytes", "Bytes in all messages of a System V message queue (cbytes).", queues,
                queue -> OptionalLong.of(queue.usedBytes()));
        perObject("ipc_queue_capacity_bytes", "The byte limit of a System V message queue (qbytes).", queues,
                capacities::get);
        perObject("ipc_segment_size_bytes", "The size of a System V shared memory segment.", segments,
                segment -> OptionalLong.of(segment.size()));
        perObject("ipc_segment_attachments", "Attachments of a System V shared memory segment (nattch).", segments,
                segment -> OptionalLong.of(segment.attachCount()));
        perObject("ipc_segment_rss_bytes", "Bytes of a System V shared memory segment resident in memory.",
                segments, SharedMemorySegment::residentBytes);
        perObject("ipc_semaphore_set_size", "Semaphores in a System V semaphore set (nsems).", sets,
                set -> OptionalLong.of(set.count()));
        perObject("ipc_semaphore_waiters", "Processes blocked in semop on a System V semaphore set "
                + "(semncnt plus semzcnt of all its semaphores).", sets, set -> waiters(semaphores.get(set)));
    }

    private <T> List<T> capped(List<T> objects) {
        return objects.size() <= maxObjects ? objects : objects.subList(0, maxObjects);
    }

    private long countOrphans(List<? extends SystemVObject> objects) {
        long count = 0;
        for (SystemVObject object : objects) {
            if (orphans.orphan(object)) {
                count++;
            }
        }
        return count;
    }

    /** One family with a sample per object, for the objects whose figure is known. */
    private <T extends SystemVObject> void perObject(String name, String help, List<T> objects,
                                                     Function<T, OptionalLong> figure) {
        out.gauge(name, help);
        for (T object : objects) {
            OptionalLong value = figure.apply(object);
            if (value.isPresent()) {
                sample(name, value.getAsLong(), object);
            }
        }
    }

    private void sample(String name, long value, SystemVObject object) {
        long uid = object.owner().uid();
        out.sample(name, value, "id", Integer.toString(object.id()), "key", TextBuffer.formatKey(object.key()),
                "owner", users.userName(uid).orElse(Long.toString(uid)));
    }

    /** qbytes, which /proc/sysvipc/msg does not show. */
    private static OptionalLong capacity(MessageQueue queue) {
        if (queue.maxBytes().isPresent()) {
            return queue.maxBytes();
        }
        try {
            return SystemVCalls.messageQueue(queue.id()).map(MessageQueue::maxBytes).orElse(OptionalLong.empty());
        } catch (NativeCallException unreadable) {
            return OptionalLong.empty();
        }
    }

    private static OptionalLong waiters(Optional<List<Semaphore>> semaphores) {
        if (semaphores.isEmpty()) {
            return OptionalLong.empty();
        }
        long waiters = 0;
        for (Semaphore semaphore : semaphores.get()) {
            waiters += semaphore.waitingForIncrease() + semaphore.waitingForZero();
        }
        return OptionalLong.of(waiters);
    }

    private static Optional<List<Semaphore>> semaphores(SemaphoreSet set) {
        try {
            return Optional.of(SystemVCalls.semaphores(set.id(), set.count()));
        } catch (NativeCallException goneOrUnreadable) {
            return Optional.empty();
        }
    }
}

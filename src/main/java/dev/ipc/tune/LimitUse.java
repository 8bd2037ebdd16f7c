// How much of each limit the objects that exist now use, from the same source ipc ls reads.
package dev.ipc.tune;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.state.SystemVSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Optional;

public final class LimitUse {
    /** @param description the use as a phrase: "3 sets exist", "a set of 250 semaphores exists (id 7)" */
    public record InUse(long amount, String description) {
    }

    private final EnumMap<Limit, InUse> inUse;

    private LimitUse(EnumMap<Limit, InUse> inUse) {
        this.inUse = inUse;
    }

    /** Reads only the object kinds the group limits. */
    public static LimitUse of(LimitGroup group, SystemVSource source, long pageSize) {
        EnumMap<Limit, InUse> map = new EnumMap<>(Limit.class);
        switch (group) {
            case SEM -> {
                List<SemaphoreSet> sets = source.semaphoreSets();
                long semaphores = 0;
                SemaphoreSet largest = null;
                for (SemaphoreSet set : sets) {
                    semaphores += set.count();
                    if (largest == null || set.count() > largest.count()) {
                        largest = set;
                    }
                }
                map.put(Limit.SEMMSL, largest == null ? new InUse(0, "no set exists")
                        : new InUse(largest.count(), "a set of " + largest.count() + " semaphores exists (id "
                        + largest.id() + ")"));
                map.put(Limit.SEMMNS, new InUse(semaphores,
                        exist(semaphores, "semaphore", "semaphores") + " in all sets"));
                map.put(Limit.SEMMNI, new InUse(sets.size(), exist(sets.size(), "set", "sets")));
            }
            case MSG -> {
                List<MessageQueue> queues = source.messageQueues();
                map.put(Limit.MSGMNI, new InUse(queues.size(), exist(queues.size(), "queue", "queues")));
            }
            case SHM -> {
                List<SharedMemorySegment> segments = source.sharedMemorySegments();
                long pages = 0;
                SharedMemorySegment largest = null;
                for (SharedMemorySegment segment : segments) {
                    // as the kernel counts shm_tot: whole pages per segment
                    pages += Long.divideUnsigned(segment.size() + pageSize - 1, pageSize);
                    if (largest == null || Long.compareUnsigned(segment.size(), largest.size()) > 0) {
                        largest = segment;
                    }
                }
                map.put(Limit.SHMMAX, largest == null ? new InUse(0, "no segment exists")
                        : new InUse(largest.size(), "a segment of " + Long.toUnsignedString(largest.size())
                        + " bytes exists (id " + largest.id() + ")"));
                map.put(Limit.SHMALL, new InUse(pages, "segments hold " + pages + " pages now"));
                map.put(Limit.SHMMNI, new InUse(segments.size(), exist(segments.size(), "segment", "segments")));
            }
        }
        return new LimitUse(map);
    }

    /** Empty where /proc/sysvipc cannot tell (SEMOPM, MSGMAX, MSGMNB). */
    public Optional<InUse> of(Limit limit) {
        return Optional.ofNullable(inUse.get(limit));
    }

    /** "1 set exists", "3 sets exist" */
    private static String exist(long n, String one, String many) {
        return n == 1 ? "1 " + one + " exists" : n + " " + many + " exist";
    }
}

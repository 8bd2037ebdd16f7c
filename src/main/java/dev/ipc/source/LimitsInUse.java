// The limits table of lsipc -g: every IPC limit with what is in use of it, from one reading of limits and usage.
package dev.ipc.source;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.LimitInUse;
import dev.ipc.model.PosixQueueLimits;
import dev.ipc.model.SystemVKind;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

public final class LimitsInUse {
    private LimitsInUse() {
    }

    /**
     * The rows for the System V kinds asked for (in ipcs order), then the POSIX queue limits when asked for and
     * the kernel has them; posixQueues is how many POSIX queues exist, empty where that is unknown.
     */
    public static List<LimitInUse> rows(IpcLimits limits, IpcUsage usage, Set<SystemVKind> kinds,
                                        boolean posix, OptionalLong posixQueues) {
        List<LimitInUse> rows = new ArrayList<>();
        if (kinds.contains(SystemVKind.QUEUE)) {
            rows.add(new LimitInUse("MSGMNI", "Number of message queues", limits.messages().maxQueues(), false,
                    OptionalLong.of(usage.queues())));
            rows.add(new LimitInUse("MSGMAX", "Max size of message (bytes)", limits.messages().maxMessageSize(),
                    true, OptionalLong.empty()));
            rows.add(new LimitInUse("MSGMNB", "Default max size of queue (bytes)",
                    limits.messages().maxQueueBytes(), true, OptionalLong.empty()));
        }
        if (kinds.contains(SystemVKind.SEGMENT)) {
            rows.add(new LimitInUse("SHMMNI", "Shared memory segments", limits.sharedMemory().maxSegments(), false,
                    OptionalLong.of(usage.segments())));
            rows.add(new LimitInUse("SHMALL", "Shared memory pages", limits.sharedMemory().maxTotalPages(), false,
                    OptionalLong.of(usage.pagesAllocated())));
            rows.add(new LimitInUse("SHMMAX", "Max size of shared memory segment (bytes)",
                    limits.sharedMemory().maxSegmentBytes(), true, OptionalLong.empty()));
            rows.add(new LimitInUse("SHMMIN", "Min size of shared memory segment (bytes)",
                    limits.sharedMemory().minSegmentBytes(), true, OptionalLong.empty()));
        }
        if (kinds.contains(SystemVKind.SEMAPHORE_SET)) {
            rows.add(new LimitInUse("SEMMNI", "Number of semaphore identifiers", limits.semaphores().maxSets(),
                    false, OptionalLong.of(usage.semaphoreSets())));
            // The sum over all sets, not sets times the first set's size (lsipc 2.38 counts it so).
            rows.add(new LimitInUse("SEMMNS", "Total number of semaphores", limits.semaphores().maxTotal(), false,
                    OptionalLong.of(usage.semaphores())));
            rows.add(new LimitInUse("SEMMSL", "Max semaphores per semaphore set.", limits.semaphores().maxPerSet(),
                    false, OptionalLong.empty()));
            rows.add(new LimitInUse("SEMOPM", "Max number of operations per semop(2)",
                    limits.semaphores().maxOpsPerCall(), false, OptionalLong.empty()));
            rows.add(new LimitInUse("SEMVMX", "Semaphore max value", limits.semaphores().maxValue(), false,
                    OptionalLong.empty()));
        }
        if (posix && limits.posixQueues().isPresent()) {
            PosixQueueLimits mq = limits.posixQueues().get();
            rows.add(new LimitInUse("MQUMNI", "Number of POSIX message queues", mq.maxQueues(), false,
                    posixQueues));
            rows.add(new LimitInUse("MQUMAX", "Max number of messages per POSIX queue", mq.maxMessages(), false,
                    OptionalLong.empty()));
            rows.add(new LimitInUse("MQUMNB", "Max size of POSIX message (bytes)", mq.maxMessageSize(), true,
                    OptionalLong.empty()));
        }
        return rows;
    }
}

// The limits table of lsipc -g, ipc metrics and ipc top: each limit under lsipc's name, with what is in use.
package dev.ipc.state;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.LimitRow;
import dev.ipc.model.PosixQueueLimits;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Rows in lsipc's order; "used" only where the kernel counts a use of that limit. */
public final class LimitTable {
    private LimitTable() {
    }

    /** Every row: System V's, then the POSIX queues' where the kernel has them. */
    public static List<LimitRow> all(IpcLimits limits, IpcUsage usage, OptionalLong posixQueues) {
        List<LimitRow> rows = new ArrayList<>(messages(limits, usage));
        rows.addAll(sharedMemory(limits, usage));
        rows.addAll(semaphores(limits, usage));
        limits.posixQueues().ifPresent(mq -> rows.addAll(posixQueues(mq, posixQueues)));
        return rows;
    }

    public static List<LimitRow> messages(IpcLimits limits, IpcUsage usage) {
        return List.of(
                new LimitRow("MSGMNI", "Number of message queues", limits.messages().maxQueues(), false,
                        OptionalLong.of(usage.queues())),
                new LimitRow("MSGMAX", "Max size of message (bytes)", limits.messages().maxMessageSize(), true,
                        OptionalLong.empty()),
                new LimitRow("MSGMNB", "Default max size of queue (bytes)", limits.messages().maxQueueBytes(),
                        true, OptionalLong.empty()));
    }

    public static List<LimitRow> sharedMemory(IpcLimits limits, IpcUsage usage) {
        return List.of(
                new LimitRow("SHMMNI", "Shared memory segments", limits.sharedMemory().maxSegments(), false,
                        OptionalLong.of(usage.segments())),
                new LimitRow("SHMALL", "Shared memory pages", limits.sharedMemory().maxTotalPages(), false,
                        OptionalLong.of(usage.pagesAllocated())),
                new LimitRow("SHMMAX", "Max size of shared memory segment (bytes)",
                        limits.sharedMemory().maxSegmentBytes(), true, OptionalLong.empty()),
                new LimitRow("SHMMIN", "Min size of shared memory segment (bytes)",
                        limits.sharedMemory().minSegmentBytes(), true, OptionalLong.empty()));
    }

    public static List<LimitRow> semaphores(IpcLimits limits, IpcUsage usage) {
        return List.of(
                new LimitRow("SEMMNI", "Number of semaphore identifiers", limits.semaphores().maxSets(), false,
                        OptionalLong.of(usage.semaphoreSets())),
                // The sum over all sets, not sets times the first set's size (lsipc 2.38 counts it so).
                new LimitRow("SEMMNS", "Total number of semaphores", limits.semaphores().maxTotal(), false,
                        OptionalLong.of(usage.semaphores())),
                new LimitRow("SEMMSL", "Max semaphores per semaphore set.", limits.semaphores().maxPerSet(),
                        false, OptionalLong.empty()),
                new LimitRow("SEMOPM", "Max number of operations per semop(2)",
                        limits.semaphores().maxOpsPerCall(), false, OptionalLong.empty()),
                new LimitRow("SEMVMX", "Semaphore max value", limits.semaphores().maxValue(), false,
                        OptionalLong.empty()));
    }

    /** queues: how many POSIX queues exist, empty where the mqueue file system is not mounted. */
    public static List<LimitRow> posixQueues(PosixQueueLimits mq, OptionalLong queues) {
        return List.of(
                new LimitRow("MQUMNI", "Number of POSIX message queues", mq.maxQueues(), false, queues),
                // as lsipc 2.41 names them: MQUMAX the size (msgsize_max), MQUMNB the count (msg_max)
                new LimitRow("MQUMAX", "Max size of POSIX message (bytes)", mq.maxMessageSize(), true,
                        OptionalLong.empty()),
                new LimitRow("MQUMNB", "Number of messages in POSIX message queue", mq.maxMessages(), false,
                        OptionalLong.empty()));
    }
}

// Every IPC limit the kernel has, read at one moment.
package dev.ipc.model;

import java.util.Optional;

/** posixQueues is empty where /proc/sys/fs/mqueue is missing (a kernel without POSIX message queues). */
public record IpcLimits(MessageLimits messages, SharedMemoryLimits sharedMemory, SemaphoreLimits semaphores,
                        Optional<PosixQueueLimits> posixQueues) {
}

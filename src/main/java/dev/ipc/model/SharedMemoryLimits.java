// The kernel's shared memory limits: kernel.shmmni, kernel.shmmax, kernel.shmall.
package dev.ipc.model;

/**
 * @param maxSegments  shmmni, segments system wide
 * @param maxSegmentBytes shmmax, bytes in one segment: unsigned 64-bit (default 18446744073692774399)
 * @param maxTotalPages   shmall, pages of all segments together: unsigned 64-bit
 * @param minSegmentBytes shmmin, always 1 on Linux
 */
public record SharedMemoryLimits(long maxSegments, long maxSegmentBytes, long maxTotalPages, long minSegmentBytes) {
}

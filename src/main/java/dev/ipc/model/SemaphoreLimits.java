// The kernel's semaphore limits, the four fields of kernel.sem plus the compiled-in SEMVMX.
package dev.ipc.model;

/**
 * @param maxPerSet    SEMMSL, semaphores in one set
 * @param maxTotal     SEMMNS, semaphores system wide
 * @param maxOpsPerCall SEMOPM, operations in one semop call
 * @param maxSets      SEMMNI, sets system wide
 * @param maxValue     SEMVMX, the largest value of one semaphore (32767, fixed in the kernel)
 */
public record SemaphoreLimits(long maxPerSet, long maxTotal, long maxOpsPerCall, long maxSets, long maxValue) {
    public static final long SEMVMX = 32767;
}

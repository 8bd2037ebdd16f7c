// What is in use now, as MSG_INFO, SHM_INFO and SEM_INFO report it (ipcs -u).
package dev.ipc.model;

/**
 * @param queues             message queues that exist (msgpool)
 * @param queuedMessages     messages queued in all of them (msgmap)
 * @param queuedBytes        bytes queued in all of them (msgtql)
 * @param segments           shared memory segments that exist (used_ids)
 * @param pagesAllocated     pages of all segments (shm_tot)
 * @param pagesResident      of those, pages resident in memory (shm_rss)
 * @param pagesSwapped       of those, pages swapped out (shm_swp)
 * @param semaphoreSets      semaphore sets that exist (semusz)
 * @param semaphores         semaphores in all of them (semaem)
 */
public record IpcUsage(long queues, long queuedMessages, long queuedBytes,
                       long segments, long pagesAllocated, long pagesResident, long pagesSwapped,
                       long semaphoreSets, long semaphores) {
}

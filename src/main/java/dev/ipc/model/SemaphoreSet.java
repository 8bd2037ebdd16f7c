// One System V semaphore set, as /proc/sysvipc/sem or semctl(SEM_STAT) reports it.
package dev.ipc.model;

import java.util.List;
import java.util.OptionalLong;

/**
 * @param semaphores the state of each semaphore, read through semctl; empty when not asked for, since /proc
 *                   does not show it
 */
public record SemaphoreSet(int key, int id, int mode, IpcOwnership owner, int count,
                           OptionalLong operationTime, OptionalLong changeTime,
                           List<Semaphore> semaphores) implements SystemVObject {

    public SemaphoreSet withSemaphores(List<Semaphore> values) {
        return new SemaphoreSet(key, id, mode, owner, count, operationTime, changeTime, List.copyOf(values));
    }
}

// The three sets of limits, one per tune command, and how each is read and written in /proc/sys/kernel.
package dev.ipc.tune;

import dev.ipc.model.MessageLimits;
import dev.ipc.model.SemaphoreLimits;
import dev.ipc.model.SharedMemoryLimits;
import dev.ipc.procfs.KernelLimitsReader;

import java.io.IOException;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

public enum LimitGroup {
    /** One file, kernel.sem, holding four numbers in this order. */
    SEM("sem", "Semaphore", List.of(Limit.SEMMSL, Limit.SEMMNS, Limit.SEMOPM, Limit.SEMMNI)),
    MSG("msg", "Message queue", List.of(Limit.MSGMAX, Limit.MSGMNB, Limit.MSGMNI)),
    SHM("shm", "Shared memory", List.of(Limit.SHMMAX, Limit.SHMALL, Limit.SHMMNI));

    private final String command;
    private final String title;
    private final List<Limit> limits;

    LimitGroup(String command, String title, List<Limit> limits) {
        this.command = command;
        this.title = title;
        this.limits = limits;
    }

    /** sem, msg or shm: the ipc command group. */
    public String command() {
        return command;
    }

    public String title() {
        return title;
    }

    /** The limits in the order positional values take them. */
    public List<Limit> limits() {
        return limits;
    }

    /** The current values, through the reader ipc ls uses. */
    public EnumMap<Limit, Long> read(KernelLimitsReader reader) throws IOException {
        EnumMap<Limit, Long> values = new EnumMap<>(Limit.class);
        switch (this) {
            case SEM -> {
                SemaphoreLimits sem = reader.semaphoreLimits();
                values.put(Limit.SEMMSL, sem.maxPerSet());
                values.put(Limit.SEMMNS, sem.maxTotal());
                values.put(Limit.SEMOPM, sem.maxOpsPerCall());
                values.put(Limit.SEMMNI, sem.maxSets());
            }
            case MSG -> {
                MessageLimits msg = reader.messageLimits();
                values.put(Limit.MSGMAX, msg.maxMessageSize());
                values.put(Limit.MSGMNB, msg.maxQueueBytes());
                values.put(Limit.MSGMNI, msg.maxQueues());
            }
            case SHM -> {
                SharedMemoryLimits shm = reader.sharedMemoryLimits();
                values.put(Limit.SHMMAX, shm.maxSegmentBytes());
                values.put(Limit.SHMALL, shm.maxTotalPages());
                values.put(Limit.SHMMNI, shm.maxSegments());
            }
        }
        return values;
    }

    /**
     * The sysctl settings that hold the given values, as sysctl.conf and /proc/sys want them: kernel.sem as its
     * four numbers (taken from all, the group's full set of values) whenever one of them is among changed.
     */
    public Map<String, String> settings(Iterable<Limit> changed, Map<Limit, Long> all) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (Limit limit : changed) {
            if (limit.field() >= 0) {
                settings.put(limit.key(), semLine(all));
            } else {
                settings.put(limit.key(), limit.format(all.get(limit)));
            }
        }
        return settings;
    }

    private static String semLine(Map<Limit, Long> all) {
        return all.get(Limit.SEMMSL) + " " + all.get(Limit.SEMMNS) + " " + all.get(Limit.SEMOPM) + " "
                + all.get(Limit.SEMMNI);
    }
}

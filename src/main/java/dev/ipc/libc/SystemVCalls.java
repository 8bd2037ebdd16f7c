// System V IPC state read through the kernel's own calls: the fallback when /proc/sysvipc cannot be read, and
// the only source of what /proc does not show (semaphore values, a queue's byte limit).
package dev.ipc.libc;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.IpcOwnership;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.MessageLimits;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreLimits;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemoryLimits;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.model.SystemVObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static dev.ipc.libc.IpcConstants.*;
import static dev.ipc.libc.Layouts.*;

public final class SystemVCalls {
    private SystemVCalls() {
    }

    // ---- whole tables, by index (MSG_INFO gives the highest index in use) ----

    public static List<MessageQueue> messageQueues() {
        return messageQueues(true);
    }

    public static List<SharedMemorySegment> sharedMemorySegments() {
        return sharedMemorySegments(true);
    }

    public static List<SemaphoreSet> semaphoreSets() {
        return semaphoreSets(true);
    }

    /**
     * With unreadable false, only the objects the caller may read (*_STAT alone), as ipcrm -a sees them: it
     * removes those and never learns of the others.
     */
    public static List<MessageQueue> messageQueues(boolean unreadable) {
        LibC libc = Native.libc();
        Pointer buffer = Native.allocate(MSQID_DS_SIZE);
        int maxIndex = Native.check("msgctl(MSG_INFO)", libc.msgctl(0, MSG_INFO, buffer));
        List<MessageQueue> queues = new ArrayList<>();
        for (int index = 0; index <= maxIndex; index++) {
            int id = statByIndex(index, MSG_STAT, unreadable ? MSG_STAT_ANY : -1,
                    (slot, command) -> libc.msgctl(slot, command, buffer));
            if (id >= 0) {
                queues.add(messageQueue(id, buffer, false));
            }
        }
        return queues;
    }

    public static List<SharedMemorySegment> sharedMemorySegments(boolean unreadable) {
        LibC libc = Native.libc();
        Pointer buffer = Native.allocate(Math.max(SHMID_DS_SIZE, SHM_INFO_SIZE));
        int maxIndex = Native.check("shmctl(SHM_INFO)", libc.shmctl(0, SHM_INFO, buffer));
        List<SharedMemorySegment> segments = new ArrayList<>();
        for (int index = 0; index <= maxIndex; index++) {
            int id = statByIndex(index, SHM_STAT, unreadable ? SHM_STAT_ANY : -1,
                    (slot, command) -> libc.shmctl(slot, command, buffer));
            if (id >= 0) {
                segments.add(sharedMemorySegment(id, buffer));
            }
        }
        return segments;
    }

    public static List<SemaphoreSet> semaphoreSets(boolean unreadable) {
        LibC libc = Native.libc();
        Pointer buffer = Native.allocate(Math.max(SEMID_DS_SIZE, SEMINFO_SIZE));
        int maxIndex = Native.check("semctl(SEM_INFO)", libc.semctl(0, 0, SEM_INFO, buffer.address()));
        List<SemaphoreSet> sets = new ArrayList<>();
        for (int index = 0; index <= maxIndex; index++) {
            int id = statByIndex(index, SEM_STAT, unreadable ? SEM_STAT_ANY : -1,
                    (slot, command) -> libc.semctl(slot, 0, command, buffer.address()));
            if (id >= 0) {
                sets.add(semaphoreSet(id, buffer));
            }
        }
        return sets;
    }

    private interface StatCall {
        int call(int index, int command);
    }

    /**
     * *_STAT needs read permission; *_STAT_ANY (Linux 4.17+) does not, so an object we may not read is still
     * listed, as /proc lists it (statAny -1: not). Returns the id at this index, or -1 for an empty slot.
     */
    private static int statByIndex(int index, int stat, int statAny, StatCall call) {
        int id = call.call(index, stat);
        if (id < 0 && statAny >= 0 && Native.errno() == Errno.EACCES) {
            id = call.call(index, statAny);
        }
        return id;
    }

    // ---- single objects, by id ----

    /** IPC_STAT of one queue, with its byte limit; empty when there is no such queue. */
    public static Optional<MessageQueue> messageQueue(int id) {
        Pointer buffer = Native.allocate(MSQID_DS_SIZE);
        if (Native.libc().msgctl(id, IPC_STAT, buffer) < 0) {
            return absentOrThrow("msgctl(IPC_STAT)");
        }
        return Optional.of(messageQueue(id, buffer, true));
    }

    public static Optional<SharedMemorySegment> sharedMemorySegment(int id) {
        Pointer buffer = Native.allocate(SHMID_DS_SIZE);
        if (Native.libc().shmctl(id, IPC_STAT, buffer) < 0) {
            return absentOrThrow("shmctl(IPC_STAT)");
        }
        return Optional.of(sharedMemorySegment(id, buffer));
    }

    public static Optional<SemaphoreSet> semaphoreSet(int id) {
        Pointer buffer = Native.allocate(SEMID_DS_SIZE);
        if (Native.libc().semctl(id, 0, IPC_STAT, buffer.address()) < 0) {
            return absentOrThrow("semctl(IPC_STAT)");
        }
        return Optional.of(semaphoreSet(id, buffer));
    }

    /** IPC_STAT of one object of any kind; empty when there is no such object. */
    public static Optional<? extends SystemVObject> object(SystemVKind resource, int id) {
        return switch (resource) {
            case SEGMENT -> sharedMemorySegment(id);
            case QUEUE -> messageQueue(id);
            case SEMAPHORE_SET -> semaphoreSet(id);
        };
    }

    private static <T> Optional<T> absentOrThrow(String call) {
        int errno = Native.errno();
        if (errno == Errno.EINVAL || errno == Errno.EIDRM) {
            return Optional.empty();
        }
        throw new NativeCallException(call, errno, Native.describe(errno));
    }

    /** Each semaphore's value, waiter counts and last pid, as ipcs -s -i shows them. */
    public static List<Semaphore> semaphores(int id, int count) {
        LibC libc = Native.libc();
        List<Semaphore> semaphores = new ArrayList<>(count);
        for (int number = 0; number < count; number++) {
            int value = Native.check("semctl(GETVAL)", libc.semctl(id, number, GETVAL, 0));
            int ncount = Native.check("semctl(GETNCNT)", libc.semctl(id, number, GETNCNT, 0));
            int zcount = Native.check("semctl(GETZCNT)", libc.semctl(id, number, GETZCNT, 0));
            int pid = Native.check("semctl(GETPID)", libc.semctl(id, number, GETPID, 0));
            semaphores.add(new Semaphore(number, value, ncount, zcount, pid));
        }
        return semaphores;
    }

    // ---- system-wide figures ----

    /** MSG_INFO, SHM_INFO and SEM_INFO, as ipcs -u prints them. */
    public static IpcUsage usage() {
        LibC libc = Native.libc();
        Pointer msg = Native.allocate(Math.max(MSGINFO_SIZE, MSQID_DS_SIZE));
        Native.check("msgctl(MSG_INFO)", libc.msgctl(0, MSG_INFO, msg));
        Pointer shm = Native.allocate(Math.max(SHM_INFO_SIZE, SHMID_DS_SIZE));
        Native.check("shmctl(SHM_INFO)", libc.shmctl(0, SHM_INFO, shm));
        Pointer sem = Native.allocate(SEMINFO_SIZE);
        Native.check("semctl(SEM_INFO)", libc.semctl(0, 0, SEM_INFO, sem.address()));
        return new IpcUsage(
                msg.getInt(MSGINFO_MSGPOOL), msg.getInt(MSGINFO_MSGMAP), msg.getInt(MSGINFO_MSGTQL),
                shm.getInt(SHM_INFO_USED_IDS), shm.getLong(SHM_INFO_SHM_TOT), shm.getLong(SHM_INFO_SHM_RSS),
                shm.getLong(SHM_INFO_SHM_SWP),
                sem.getInt(SEMINFO_SEMUSZ), sem.getInt(SEMINFO_SEMAEM));
    }

    /** IPC_INFO of each resource: the fallback when /proc/sys/kernel cannot be read. */
    public static IpcLimits limits() {
        LibC libc = Native.libc();
        Pointer msg = Native.allocate(Math.max(MSGINFO_SIZE, MSQID_DS_SIZE));
        Native.check("msgctl(IPC_INFO)", libc.msgctl(0, IPC_INFO, msg));
        Pointer shm = Native.allocate(Math.max(SHMINFO_SIZE, SHMID_DS_SIZE));
        Native.check("shmctl(IPC_INFO)", libc.shmctl(0, IPC_INFO, shm));
        Pointer sem = Native.allocate(SEMINFO_SIZE);
        Native.check("semctl(IPC_INFO)", libc.semctl(0, 0, IPC_INFO, sem.address()));
        return new IpcLimits(
                new MessageLimits(msg.getInt(MSGINFO_MSGMNI), msg.getInt(MSGINFO_MSGMAX),
                        msg.getInt(MSGINFO_MSGMNB)),
                new SharedMemoryLimits(shm.getLong(SHMINFO_SHMMNI), shm.getLong(SHMINFO_SHMMAX),
                        shm.getLong(SHMINFO_SHMALL), shm.getLong(SHMINFO_SHMMIN)),
                new SemaphoreLimits(sem.getInt(SEMINFO_SEMMSL), sem.getInt(SEMINFO_SEMMNS),
                        sem.getInt(SEMINFO_SEMOPM), sem.getInt(SEMINFO_SEMMNI), sem.getInt(SEMINFO_SEMVMX)),
                Optional.empty());
    }

    // ---- decoding ----

    private static IpcOwnership ownership(Pointer perm) {
        return new IpcOwnership(
                Integer.toUnsignedLong(perm.getInt(PERM_UID)), Integer.toUnsignedLong(perm.getInt(PERM_GID)),
                Integer.toUnsignedLong(perm.getInt(PERM_CUID)), Integer.toUnsignedLong(perm.getInt(PERM_CGID)));
    }

    private static MessageQueue messageQueue(int id, Pointer ds, boolean withLimit) {
        return new MessageQueue(ds.getInt(PERM_KEY), id, ds.getInt(PERM_MODE), ownership(ds),
                ds.getLong(MSG_CBYTES), ds.getLong(MSG_QNUM), ds.getInt(MSG_LSPID), ds.getInt(MSG_LRPID),
                time(ds.getLong(MSG_STIME)), time(ds.getLong(MSG_RTIME)), time(ds.getLong(MSG_CTIME)),
                withLimit ? OptionalLong.of(ds.getLong(MSG_QBYTES)) : OptionalLong.empty());
    }

    private static SharedMemorySegment sharedMemorySegment(int id, Pointer ds) {
        return new SharedMemorySegment(ds.getInt(PERM_KEY), id, ds.getInt(PERM_MODE), ownership(ds),
                ds.getLong(SHM_SEGSZ), ds.getInt(SHM_CPID), ds.getInt(SHM_LPID), ds.getLong(SHM_NATTCH),
                time(ds.getLong(SHM_ATIME)), time(ds.getLong(SHM_DTIME)), time(ds.getLong(SHM_CTIME)),
                OptionalLong.empty(), OptionalLong.empty());
    }

    private static SemaphoreSet semaphoreSet(int id, Pointer ds) {
        return new SemaphoreSet(ds.getInt(PERM_KEY), id, ds.getInt(PERM_MODE), ownership(ds),
                (int) ds.getLong(SEM_NSEMS), time(ds.getLong(SEM_OTIME)), time(ds.getLong(SEM_CTIME)), List.of());
    }

    private static OptionalLong time(long seconds) {
        return seconds == 0 ? OptionalLong.empty() : OptionalLong.of(seconds);
    }
}

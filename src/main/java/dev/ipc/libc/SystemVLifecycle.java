// Creating, finding, changing and removing System V IPC objects of any kind: the get calls, IPC_SET and IPC_RMID.
package dev.ipc.libc;

import dev.ipc.model.SystemVKind;

import java.util.OptionalInt;
import java.util.OptionalLong;

import static dev.ipc.libc.IpcConstants.IPC_RMID;
import static dev.ipc.libc.IpcConstants.IPC_SET;
import static dev.ipc.libc.IpcConstants.IPC_STAT;

/** Failures throw {@link NativeCallException}; ipcmk and ipcrm choose their message by its errno. */
public final class SystemVLifecycle {
    private SystemVLifecycle() {
    }

    /**
     * msgget, shmget or semget. size is the segment size for shared memory (an unsigned 64-bit size_t) and the
     * number of semaphores for a set; queues ignore it. Returns the id.
     */
    public static int get(SystemVKind kind, int key, long size, int flags) {
        LibC libc = Native.libc();
        return switch (kind) {
            case QUEUE -> Native.check("msgget", libc.msgget(key, flags));
            case SEGMENT -> Native.check("shmget", libc.shmget(key, size, flags));
            case SEMAPHORE_SET -> Native.check("semget", libc.semget(key, (int) size, flags));
        };
    }

    /** The get call with no flags: the id of the object with this key (ENOENT when there is none). */
    public static int lookup(SystemVKind kind, int key) {
        return get(kind, key, 0, 0);
    }

    /** A new object with key IPC_PRIVATE: size is the number of semaphores or the segment's bytes. */
    public static int createPrivate(SystemVKind kind, long size, int mode) {
        return get(kind, IpcConstants.IPC_PRIVATE, size, IpcConstants.IPC_CREAT | IpcConstants.IPC_EXCL | mode);
    }

    /**
     * IPC_STAT, then IPC_SET with the owner, group and permission bits given (the others kept): the kernel takes
     * only uid, gid and the low nine mode bits from the structure, and for a queue msg_qbytes as well.
     */
    public static void changeOwnership(SystemVKind kind, int id, OptionalLong uid, OptionalLong gid,
                                       OptionalInt permissions) {
        Pointer ds = Native.allocate(dsSize(kind));
        control(kind, id, IPC_STAT, ds, "IPC_STAT");
        uid.ifPresent(value -> ds.putInt(Layouts.PERM_UID, (int) value));
        gid.ifPresent(value -> ds.putInt(Layouts.PERM_GID, (int) value));
        permissions.ifPresent(bits -> ds.putInt(Layouts.PERM_MODE,
                (ds.getInt(Layouts.PERM_MODE) & ~0777) | (bits & 0777)));
        control(kind, id, IPC_SET, ds, "IPC_SET");
    }

    /** Whether an object with this id exists now: IPC_STAT answers EACCES for one we may not read. */
    public static boolean exists(SystemVKind kind, int id) {
        try {
            control(kind, id, IPC_STAT, Native.allocate(dsSize(kind)), "IPC_STAT");
            return true;
        } catch (NativeCallException e) {
            if (e.errno() == Errno.EINVAL || e.errno() == Errno.EIDRM) {
                return false;
            }
            if (e.errno() == Errno.EACCES) {
                return true;
            }
            throw e;
        }
    }

    /** IPC_RMID. */
    public static void remove(SystemVKind kind, int id) {
        control(kind, id, IPC_RMID, null, "IPC_RMID");
    }

    /** The effective uid, for predicting what IPC_RMID would allow. */
    public static int effectiveUid() {
        return Native.libc().geteuid();
    }

    private static int dsSize(SystemVKind kind) {
        return switch (kind) {
            case QUEUE -> Layouts.MSQID_DS_SIZE;
            case SEGMENT -> Layouts.SHMID_DS_SIZE;
            case SEMAPHORE_SET -> Layouts.SEMID_DS_SIZE;
        };
    }

    private static void control(SystemVKind kind, int id, int command, Pointer ds, String name) {
        LibC libc = Native.libc();
        String call = kind.shortName() + "ctl(" + name + ")";
        switch (kind) {
            case QUEUE -> Native.check(call, libc.msgctl(id, command, ds));
            case SEGMENT -> Native.check(call, libc.shmctl(id, command, ds));
            case SEMAPHORE_SET -> Native.check(call, libc.semctl(id, 0, command, ds == null ? 0 : ds.address()));
        }
    }
}

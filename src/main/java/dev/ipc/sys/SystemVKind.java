// The three kinds of System V object, with the calls that are alike for all three: find by key, IPC_SET, IPC_RMID.
package dev.ipc.sys;

import java.util.OptionalInt;
import java.util.OptionalLong;

import static dev.ipc.sys.IpcConstants.IPC_RMID;
import static dev.ipc.sys.IpcConstants.IPC_SET;
import static dev.ipc.sys.IpcConstants.IPC_STAT;

public enum SystemVKind {
    QUEUE("message queue", "msg", Layouts.MSQID_DS_SIZE),
    SEMAPHORE_SET("semaphore set", "sem", Layouts.SEMID_DS_SIZE),
    SEGMENT("shared memory segment", "shm", Layouts.SHMID_DS_SIZE);

    private final String noun;
    private final String prefix;
    private final int dsSize;

    SystemVKind(String noun, String prefix, int dsSize) {
        this.noun = noun;
        this.prefix = prefix;
        this.dsSize = dsSize;
    }

    /** "message queue", "semaphore set", "shared memory segment". */
    public String noun() {
        return noun;
    }

    /** The get call with no flags: the id of the object with this key (ENOENT when there is none). */
    public int lookup(int key) {
        LibC libc = Native.libc();
        return switch (this) {
            case QUEUE -> Native.check("msgget", libc.msgget(key, 0));
            case SEMAPHORE_SET -> Native.check("semget", libc.semget(key, 0, 0));
            case SEGMENT -> Native.check("shmget", libc.shmget(key, 0, 0));
        };
    }

    /** A new object with key IPC_PRIVATE: size is the number of semaphores or the segment's bytes. */
    public int createPrivate(long size, int mode) {
        LibC libc = Native.libc();
        int flags = IpcConstants.IPC_CREAT | IpcConstants.IPC_EXCL | mode;
        return switch (this) {
            case QUEUE -> Native.check("msgget", libc.msgget(IpcConstants.IPC_PRIVATE, flags));
            case SEMAPHORE_SET -> Native.check("semget", libc.semget(IpcConstants.IPC_PRIVATE, (int) size, flags));
            case SEGMENT -> Native.check("shmget", libc.shmget(IpcConstants.IPC_PRIVATE, size, flags));
        };
    }

    /**
     * IPC_STAT, then IPC_SET with the owner, group and permission bits given (the others kept): the kernel takes
     * only uid, gid and the low nine mode bits from the structure, and for a queue msg_qbytes as well.
     */
    public void changeOwnership(int id, OptionalLong uid, OptionalLong gid, OptionalInt permissions) {
        Pointer ds = Native.allocate(dsSize);
        control(id, IPC_STAT, ds, "IPC_STAT");
        uid.ifPresent(value -> ds.putInt(Layouts.PERM_UID, (int) value));
        gid.ifPresent(value -> ds.putInt(Layouts.PERM_GID, (int) value));
        permissions.ifPresent(bits -> ds.putInt(Layouts.PERM_MODE,
                (ds.getInt(Layouts.PERM_MODE) & ~0777) | (bits & 0777)));
        control(id, IPC_SET, ds, "IPC_SET");
    }

    /** Whether an object with this id exists now: IPC_STAT answers EACCES for one we may not read. */
    public boolean exists(int id) {
        try {
            control(id, IPC_STAT, Native.allocate(dsSize), "IPC_STAT");
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

    public void remove(int id) {
        control(id, IPC_RMID, null, "IPC_RMID");
    }

    private void control(int id, int command, Pointer ds, String name) {
        LibC libc = Native.libc();
        String call = prefix + "ctl(" + name + ")";
        switch (this) {
            case QUEUE -> Native.check(call, libc.msgctl(id, command, ds));
            case SEMAPHORE_SET -> Native.check(call, libc.semctl(id, 0, command, ds == null ? 0 : ds.address()));
            case SEGMENT -> Native.check(call, libc.shmctl(id, command, ds));
        }
    }
}

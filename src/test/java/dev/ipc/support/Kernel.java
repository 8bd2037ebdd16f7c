// Creates and changes real IPC objects for tests, through the project's own libc bindings.
package dev.ipc.support;

import dev.ipc.libc.Layouts;
import dev.ipc.libc.LibC;
import dev.ipc.libc.Native;
import dev.ipc.libc.Pointer;

import java.nio.charset.StandardCharsets;

import static dev.ipc.libc.IpcConstants.*;

public final class Kernel {
    private Kernel() {
    }

    private static LibC libc() {
        return Native.libc();
    }

    public static int createQueue(int key, int mode) {
        return Native.check("msgget", libc().msgget(key, IPC_CREAT | IPC_EXCL | mode));
    }

    public static int createSegment(int key, long size, int mode) {
        return Native.check("shmget", libc().shmget(key, size, IPC_CREAT | IPC_EXCL | mode));
    }

    public static int createSemaphores(int key, int count, int mode) {
        return Native.check("semget", libc().semget(key, count, IPC_CREAT | IPC_EXCL | mode));
    }

    public static void send(int queue, long type, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Pointer message = Native.allocate(8 + bytes.length);
        message.putLong(0, type);
        message.put(8, bytes, 0, bytes.length);
        Native.check("msgsnd", libc().msgsnd(queue, message, bytes.length, 0));
    }

    /** Attaches the segment to this JVM and returns the address (for detach). */
    public static long attach(int segment) {
        return Native.check("shmat", libc().shmat(segment, null, 0));
    }

    public static void detach(long address) {
        Native.check("shmdt", libc().shmdt(address));
    }

    public static void setValue(int set, int number, int value) {
        Native.check("semctl(SETVAL)", libc().semctl(set, number, SETVAL, value));
    }

    /** semop of one operation; blocks as the kernel decides. */
    public static void semop(int set, int number, int operation) {
        Pointer op = Native.allocate(Layouts.SEMBUF_SIZE);
        op.putShort(Layouts.SEMBUF_NUM, (short) number);
        op.putShort(Layouts.SEMBUF_OP, (short) operation);
        op.putShort(Layouts.SEMBUF_FLG, (short) 0);
        Native.check("semop", libc().semop(set, op, 1));
    }

    /** IPC_SET of a queue's owner and mode, as ipcs would show a queue of another user. */
    public static void setQueueOwner(int queue, int uid, int gid, int mode) {
        Pointer ds = Native.allocate(Layouts.MSQID_DS_SIZE);
        Native.check("msgctl(IPC_STAT)", libc().msgctl(queue, IPC_STAT, ds));
        ds.putInt(Layouts.PERM_UID, uid);
        ds.putInt(Layouts.PERM_GID, gid);
        ds.putInt(Layouts.PERM_MODE, mode);
        Native.check("msgctl(IPC_SET)", libc().msgctl(queue, IPC_SET, ds));
    }

    public static void setSegmentOwner(int segment, int uid, int gid, int mode) {
        Pointer ds = Native.allocate(Layouts.SHMID_DS_SIZE);
        Native.check("shmctl(IPC_STAT)", libc().shmctl(segment, IPC_STAT, ds));
        ds.putInt(Layouts.PERM_UID, uid);
        ds.putInt(Layouts.PERM_GID, gid);
        ds.putInt(Layouts.PERM_MODE, mode);
        Native.check("shmctl(IPC_SET)", libc().shmctl(segment, IPC_SET, ds));
    }

    public static void lockSegment(int segment) {
        Native.check("shmctl(SHM_LOCK)", libc().shmctl(segment, SHM_LOCK, null));
    }

    public static void removeQueue(int id) {
        Native.check("msgctl(IPC_RMID)", libc().msgctl(id, IPC_RMID, null));
    }

    public static void removeSegment(int id) {
        Native.check("shmctl(IPC_RMID)", libc().shmctl(id, IPC_RMID, null));
    }

    public static void removeSemaphores(int id) {
        Native.check("semctl(IPC_RMID)", libc().semctl(id, 0, IPC_RMID, 0));
    }

    /** Removes every System V object in this (private) namespace, so each test starts from empty tables. */
    public static void removeAll() {
        for (var q : dev.ipc.libc.SystemVCalls.messageQueues()) {
            removeQueue(q.id());
        }
        for (var s : dev.ipc.libc.SystemVCalls.sharedMemorySegments()) {
            removeSegment(s.id());
        }
        for (var s : dev.ipc.libc.SystemVCalls.semaphoreSets()) {
            removeSemaphores(s.id());
        }
    }
}

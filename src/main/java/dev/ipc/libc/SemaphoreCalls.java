// semctl on one semaphore set: values all at once (GETALL, SETALL) or one by one, and the waiters' counts.
package dev.ipc.libc;

import static dev.ipc.libc.IpcConstants.GETALL;
import static dev.ipc.libc.IpcConstants.GETNCNT;
import static dev.ipc.libc.IpcConstants.GETPID;
import static dev.ipc.libc.IpcConstants.GETVAL;
import static dev.ipc.libc.IpcConstants.GETZCNT;
import static dev.ipc.libc.IpcConstants.SETALL;
import static dev.ipc.libc.IpcConstants.SETVAL;

public final class SemaphoreCalls {
    private SemaphoreCalls() {
    }

    /** GETALL: every value of the set in one atomic read; count must be the set's nsems. */
    public static int[] values(int id, int count) {
        Pointer array = Native.allocate(2 * Math.max(count, 1));
        Native.check("semctl(GETALL)", Native.libc().semctl(id, 0, GETALL, array.address()));
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = Short.toUnsignedInt(array.getShort(2L * i));
        }
        return values;
    }

    /** SETALL: every value at once; the kernel checks each against SEMVMX (ERANGE). */
    public static void setValues(int id, int[] values) {
        Pointer array = Native.allocate(2 * Math.max(values.length, 1));
        for (int i = 0; i < values.length; i++) {
            array.putShort(2L * i, (short) values[i]);
        }
        Native.check("semctl(SETALL)", Native.libc().semctl(id, 0, SETALL, array.address()));
    }

    public static int value(int id, int number) {
        return Native.check("semctl(GETVAL)", Native.libc().semctl(id, number, GETVAL, 0));
    }

    /** SETVAL: the value is passed in union semun, as an int. */
    public static void setValue(int id, int number, int value) {
        Native.check("semctl(SETVAL)", Native.libc().semctl(id, number, SETVAL, value));
    }

    /** GETNCNT: processes blocked until this semaphore grows. */
    public static int waitingForIncrease(int id, int number) {
        return Native.check("semctl(GETNCNT)", Native.libc().semctl(id, number, GETNCNT, 0));
    }

    /** GETZCNT: processes blocked until this semaphore is zero. */
    public static int waitingForZero(int id, int number) {
        return Native.check("semctl(GETZCNT)", Native.libc().semctl(id, number, GETZCNT, 0));
    }

    /** GETPID: the process that last operated on this semaphore. */
    public static int lastPid(int id, int number) {
        return Native.check("semctl(GETPID)", Native.libc().semctl(id, number, GETPID, 0));
    }
}

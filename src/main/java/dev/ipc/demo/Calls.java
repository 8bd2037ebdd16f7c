// System calls written as strace writes them, for the demos' --trace lines.
package dev.ipc.demo;

import dev.ipc.model.SystemVKind;
import dev.ipc.sys.IpcConstants;

public final class Calls {
    private Calls() {
    }

    /** "IPC_CREAT|IPC_EXCL|0600" */
    public static String createFlags(int mode) {
        return "IPC_CREAT|IPC_EXCL|0" + Integer.toOctalString(mode);
    }

    public static String semget(int nsems, int mode) {
        return "semget(IPC_PRIVATE, " + nsems + ", " + createFlags(mode) + ")";
    }

    public static String shmget(long size, int mode) {
        return "shmget(IPC_PRIVATE, " + size + ", " + createFlags(mode) + ")";
    }

    public static String msgget(int mode) {
        return "msgget(IPC_PRIVATE, " + createFlags(mode) + ")";
    }

    /** semop(3, [{sem_num=0, sem_op=-1, sem_flg=0}], 1) */
    public static String semop(int id, int[] numbers, int[] values, int flags) {
        StringBuilder s = new StringBuilder("semop(").append(id).append(", [");
        for (int i = 0; i < numbers.length; i++) {
            s.append(i > 0 ? ", " : "").append("{sem_num=").append(numbers[i]).append(", sem_op=").append(values[i])
                    .append(", sem_flg=").append(semFlags(flags)).append('}');
        }
        return s.append("], ").append(numbers.length).append(')').toString();
    }

    private static String semFlags(int flags) {
        if (flags == 0) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        if ((flags & IpcConstants.IPC_NOWAIT) != 0) {
            s.append("IPC_NOWAIT");
        }
        if ((flags & IpcConstants.SEM_UNDO) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("SEM_UNDO");
        }
        return s.toString();
    }

    /** semctl(3, 0, GETNCNT, NULL) */
    public static String semctl(int id, int number, String command, String argument) {
        return "semctl(" + id + ", " + number + ", " + command + ", " + argument + ")";
    }

    public static String shmat(int id, boolean readOnly) {
        return "shmat(" + id + ", NULL, " + (readOnly ? "SHM_RDONLY" : "0") + ")";
    }

    public static String shmdt(long address) {
        return "shmdt(0x" + Long.toHexString(address) + ")";
    }

    /** msgsnd(2, {mtype=3, mtext="c1"}, 2, 0) */
    public static String msgsnd(int id, long type, String text, int length, int flags) {
        return "msgsnd(" + id + ", {mtype=" + type + ", mtext=\"" + text + "\"}, " + length + ", "
                + msgFlags(flags) + ")";
    }

    /** msgrcv(2, ..., 8192, -2, 0), the buffer written as strace shows it once the call returned. */
    public static String msgrcv(int id, String buffer, long size, long type, int flags) {
        return "msgrcv(" + id + ", " + buffer + ", " + size + ", " + type + ", " + msgFlags(flags) + ")";
    }

    private static String msgFlags(int flags) {
        if (flags == 0) {
            return "0";
        }
        StringBuilder s = new StringBuilder();
        if ((flags & IpcConstants.IPC_NOWAIT) != 0) {
            s.append("IPC_NOWAIT");
        }
        if ((flags & IpcConstants.MSG_NOERROR) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("MSG_NOERROR");
        }
        if ((flags & IpcConstants.MSG_EXCEPT) != 0) {
            s.append(s.length() > 0 ? "|" : "").append("MSG_EXCEPT");
        }
        return s.toString();
    }

    /** msgctl(2, IPC_RMID, NULL), semctl(3, 0, IPC_RMID, NULL), shmctl(5, IPC_RMID, NULL) */
    public static String remove(SystemVKind kind, int id) {
        return switch (kind) {
            case QUEUE -> "msgctl(" + id + ", IPC_RMID, NULL)";
            case SEMAPHORE_SET -> "semctl(" + id + ", 0, IPC_RMID, NULL)";
            case SEGMENT -> "shmctl(" + id + ", IPC_RMID, NULL)";
        };
    }
}

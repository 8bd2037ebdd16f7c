// System calls written as strace writes them, for the demos' --trace lines.
package dev.ipc.demo;

import dev.ipc.model.SystemVKind;
import dev.ipc.libc.IpcConstants;
import dev.ipc.libc.Native;

import java.nio.charset.StandardCharsets;

public final class Calls {
    private Calls() {
    }

    /** Data as a C string literal, cut after 32 bytes as strace cuts it by default. */
    public static String quote(byte[] data, int offset, int length) {
        return quote(data, offset, length, 32);
    }

    /** A path, an argument or a command line, whole. */
    public static String quote(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return quote(bytes, 0, bytes.length, bytes.length);
    }

    private static String quote(byte[] data, int offset, int length, int limit) {
        StringBuilder text = new StringBuilder("\"");
        int shown = Math.min(length, limit);
        for (int i = 0; i < shown; i++) {
            int b = data[offset + i] & 0xff;
            switch (b) {
                case '\n' -> text.append("\\n");
                case '\t' -> text.append("\\t");
                case '"' -> text.append("\\\"");
                case '\\' -> text.append("\\\\");
                default -> {
                    if (b >= 0x20 && b < 0x7f) {
                        text.append((char) b);
                    } else {
                        text.append(String.format("\\%o", b));
                    }
                }
            }
        }
        text.append('"');
        return length > shown ? text + "..." : text.toString();
    }

    /** A call's result: the value, or "-1 EAGAIN (Resource temporarily unavailable)". */
    public static String result(long value, int errno) {
        return value >= 0 ? Long.toString(value)
                : "-1 " + Native.errnoName(errno) + " (" + Native.describe(errno) + ")";
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

    /**
     * The System V object a call traced here acts on, as "semaphore set 3": the id a *get call returned or the id
     * the call is given first; null when the call names none (shmdt, a call of another kind).
     */
    public static String objectOf(String call) {
        int paren = call.indexOf('(');
        if (paren < 3) {
            return null;
        }
        String name = call.substring(0, paren);
        SystemVKind kind = null;
        for (SystemVKind candidate : SystemVKind.values()) {
            if (name.startsWith(candidate.shortName()) && !name.contains("_")) {
                kind = candidate;
            }
        }
        if (kind == null) {
            return null;
        }
        String id;
        if (name.endsWith("get")) {
            int equals = call.lastIndexOf(" = ");
            id = equals < 0 ? "" : call.substring(equals + 3).trim();
        } else {
            int end = paren + 1;
            while (end < call.length() && Character.isDigit(call.charAt(end))) {
                end++;
            }
            boolean whole = end < call.length() && (call.charAt(end) == ',' || call.charAt(end) == ')');
            id = whole ? call.substring(paren + 1, end) : "";
        }
        return id.isEmpty() || !id.chars().allMatch(Character::isDigit) ? null : kind.noun() + " " + id;
    }
}

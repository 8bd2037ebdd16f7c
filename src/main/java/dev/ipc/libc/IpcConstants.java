// The command numbers and flags of the System V IPC calls (Linux, from <sys/ipc.h> and friends).
package dev.ipc.libc;

public final class IpcConstants {
    private IpcConstants() {
    }

    public static final int IPC_PRIVATE = 0;
    public static final int IPC_CREAT = 01000;
    public static final int IPC_EXCL = 02000;
    public static final int IPC_NOWAIT = 04000;

    public static final int IPC_RMID = 0;
    public static final int IPC_SET = 1;
    public static final int IPC_STAT = 2;
    public static final int IPC_INFO = 3;

    public static final int MSG_STAT = 11;
    public static final int MSG_INFO = 12;
    public static final int MSG_STAT_ANY = 13;
    public static final int MSG_NOERROR = 010000;
    public static final int MSG_EXCEPT = 020000;
    public static final int MSG_COPY = 040000;

    public static final int SHM_LOCK = 11;
    public static final int SHM_UNLOCK = 12;
    public static final int SHM_STAT = 13;
    public static final int SHM_INFO = 14;
    public static final int SHM_STAT_ANY = 15;
    public static final int SHM_RDONLY = 010000;

    public static final int GETPID = 11;
    public static final int GETVAL = 12;
    public static final int GETALL = 13;
    public static final int GETNCNT = 14;
    public static final int GETZCNT = 15;
    public static final int SETVAL = 16;
    public static final int SETALL = 17;
    public static final int SEM_STAT = 18;
    public static final int SEM_INFO = 19;
    public static final int SEM_STAT_ANY = 20;
    public static final int SEM_UNDO = 0x1000;
}

// The three kinds of System V IPC object, in the order ipcs and lsipc print them, with the words each output uses.
package dev.ipc.model;

/**
 * The one System V kind; its calls (get, IPC_STAT, IPC_SET, IPC_RMID) are in dev.ipc.libc.SystemVLifecycle. Our own
 * messages call the semaphore object a "semaphore set", as the kernel and lsipc do; only ipcrm's messages, copied
 * byte for byte, say "semaphore".
 */
public enum SystemVKind {
    QUEUE("msg", "message queue", "message queue"),
    SEGMENT("shm", "shared memory segment", "shared memory segment"),
    SEMAPHORE_SET("sem", "semaphore set", "semaphore");

    private final String shortName;
    private final String noun;
    private final String ipcrmNoun;

    SystemVKind(String shortName, String noun, String ipcrmNoun) {
        this.shortName = shortName;
        this.noun = noun;
        this.ipcrmNoun = ipcrmNoun;
    }

    /** The name ipcrm's legacy form, /proc/sysvipc and the call names use: msg, shm, sem. */
    public String shortName() {
        return shortName;
    }

    /** "message queue", "shared memory segment", "semaphore set": the word of our own messages. */
    public String noun() {
        return noun;
    }

    /** The word util-linux ipcrm prints ("removing semaphore id `3'"), kept for byte compatibility. */
    public String ipcrmNoun() {
        return ipcrmNoun;
    }
}

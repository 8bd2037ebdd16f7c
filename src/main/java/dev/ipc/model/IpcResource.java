// The three kinds of System V IPC object, in the order ipcs and lsipc print them.
package dev.ipc.model;

public enum IpcResource {
    MESSAGE_QUEUES("msg"),
    SHARED_MEMORY("shm"),
    SEMAPHORES("sem");

    private final String shortName;

    IpcResource(String shortName) {
        this.shortName = shortName;
    }

    /** The name ipcrm's legacy form and /proc/sysvipc use: msg, shm, sem. */
    public String shortName() {
        return shortName;
    }
}

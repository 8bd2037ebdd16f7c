// The three kinds of POSIX IPC object, with the names ipcrm's --all takes for them.
package dev.ipc.model;

public enum PosixResource {
    SHARED_MEMORY("pshm", "POSIX shared memory"),
    MESSAGE_QUEUES("pmsg", "POSIX message queue"),
    SEMAPHORES("psem", "POSIX semaphore");

    private final String shortName;
    private final String description;

    PosixResource(String shortName, String description) {
        this.shortName = shortName;
        this.description = description;
    }

    /** pshm, pmsg or psem, as ipcrm --all=TYPE (util-linux 2.41) names them. */
    public String shortName() {
        return shortName;
    }

    /** As util-linux prints it: "POSIX message queue". */
    public String description() {
        return description;
    }
}

// One IPC object with the processes that use it and the pids the kernel recorded for it: what `ipc who` prints.
package dev.ipc.who;

import dev.ipc.procfs.IpcUsers;
import dev.ipc.state.Operators;

import java.util.List;
import java.util.OptionalLong;

/**
 * @param id          a System V object's id; empty for POSIX objects
 * @param key         a System V object's key; for a removed segment still attached, the key it was created with
 * @param name        a POSIX object's name ("/jobs"), or the path a process sees for one unlinked since
 *                    ("/dev/shm/x (deleted)"); null for System V objects
 * @param removed     removed (IPC_RMID, unlink) while processes still use it
 * @param attachments a segment's nattch: attachments, not processes (fork copies them)
 * @param users       the processes that use it, one entry per process and way of use
 * @param recorded    the pids the kernel keeps for it (creator, last sender, each semaphore's last operator, the
 *                    queue's notify process), and what became of them
 */
record UsedObject(Kind kind, OptionalLong id, OptionalLong key, String name, boolean removed,
                  OptionalLong attachments, List<User> users, List<Recorded> recorded) {

    /** The six kinds, in the order who prints them. */
    enum Kind {
        SEGMENT("shm", "shared memory segment"), SEMAPHORE_SET("sem", "semaphore set"),
        QUEUE("msg", "message queue"), POSIX_SHM("pshm", "POSIX shared memory"),
        POSIX_SEMAPHORE("psem", "POSIX semaphore"), POSIX_QUEUE("pmsg", "POSIX message queue");

        final String type;
        final String noun;

        Kind(String type, String noun) {
            this.type = type;
            this.noun = noun;
        }
    }

    /** A process using the object, with its owner's uid and name and its command line. */
    record User(IpcUsers.Use use, long uid, String userName, String command) {
    }

    /**
     * A pid the kernel recorded. semaphore: the semaphore's number for a set's last operators, else -1.
     */
    record Recorded(String role, int semaphore, int pid, Operators.State state) {
    }

    /** How many distinct processes use it. */
    long processes() {
        return users.stream().mapToInt(user -> user.use().pid()).distinct().count();
    }

    /** Whether a process uses it or a recorded pid is alive: what `ipc who` lists. */
    boolean inUse() {
        return !users.isEmpty() || recorded.stream().anyMatch(r -> r.state().alive());
    }

    /** The same object with only what concerns this process. */
    UsedObject of(int pid) {
        return new UsedObject(kind, id, key, name, removed, attachments,
                users.stream().filter(user -> user.use().pid() == pid).toList(),
                recorded.stream().filter(r -> r.pid() == pid && r.state().alive()).toList());
    }
}

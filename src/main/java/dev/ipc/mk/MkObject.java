// One object `ipc mk` created or, without --exclusive, found already there and reused.
package dev.ipc.mk;

import java.util.Map;
import java.util.OptionalInt;

/**
 * @param kind    shm, pshm, msg, pmsg, sem or psem (the names ipcrm --all takes)
 * @param id      the System V id; empty for POSIX objects
 * @param name    the POSIX name with its '/'; null for System V objects
 * @param key     the System V key; empty for POSIX objects
 * @param mode    the permission bits
 * @param figures what else describes it, in print order: size, nsems, maxmsgs, msgsize, sval (JSON names)
 * @param created false when the object existed before and was reused
 */
record MkObject(String kind, OptionalInt id, String name, OptionalInt key, int mode, Map<String, Long> figures,
            boolean created) {

    /** The line ipcmk prints for it (util-linux 2.41 for POSIX objects). */
    String line() {
        return switch (kind) {
            case "shm" -> "Shared memory id: " + id.getAsInt();
            case "msg" -> "Message queue id: " + id.getAsInt();
            case "sem" -> "Semaphore id: " + id.getAsInt();
            case "pshm" -> "POSIX shared memory name: " + name;
            case "pmsg" -> "POSIX message queue name: " + name;
            default -> "POSIX semaphore name: " + name;
        };
    }
}

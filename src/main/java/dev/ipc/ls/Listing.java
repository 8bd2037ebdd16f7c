// What a structured listing can show: each System V and POSIX resource, and the table of limits.
package dev.ipc.ls;

import java.util.List;

enum Listing {
    QUEUES("messages", "message queues"),
    SEGMENTS("sharedmemory", "shared memory segments"),
    SEMAPHORES("semaphores", "semaphore sets"),
    POSIX_QUEUES("posix-mqueues", "POSIX message queues"),
    POSIX_SHMEMS("posix-sharedmemory", "POSIX shared memory objects"),
    POSIX_SEMAPHORES("posix-semaphores", "POSIX semaphores"),
    GLOBAL("ipclimits", "the limits table");

    private final String jsonName;
    private final String description;

    Listing(String jsonName, String description) {
        this.jsonName = jsonName;
        this.description = description;
    }

    /** The name of this listing's array in --json output. */
    String jsonName() {
        return jsonName;
    }

    String description() {
        return description;
    }

    // Column lists are built on demand: Column's constants refer to Listing's, so neither may hold the
    // other's constants in a field initialised with its own.

    List<Column> defaultColumns() {
        return switch (this) {
            case QUEUES -> List.of(Column.KEY, Column.ID, Column.PERMS, Column.OWNER, Column.USEDBYTES, Column.MSGS,
                    Column.LSPID, Column.LRPID);
            case SEGMENTS -> List.of(Column.KEY, Column.ID, Column.PERMS, Column.OWNER, Column.SIZE, Column.NATTCH,
                    Column.STATUS, Column.CTIME, Column.CPID, Column.LPID, Column.COMMAND);
            case SEMAPHORES -> List.of(Column.KEY, Column.ID, Column.PERMS, Column.OWNER, Column.NSEMS);
            case POSIX_QUEUES -> List.of(Column.NAME, Column.PERMS, Column.OWNER, Column.USEDBYTES, Column.MSGS,
                    Column.MAXMSGS, Column.MSGSIZE);
            case POSIX_SHMEMS -> List.of(Column.NAME, Column.PERMS, Column.OWNER, Column.SIZE, Column.MTIME);
            case POSIX_SEMAPHORES -> List.of(Column.NAME, Column.PERMS, Column.OWNER, Column.SVAL);
            case GLOBAL -> List.of(Column.RESOURCE, Column.DESCRIPTION, Column.LIMIT, Column.USED,
                    Column.USE_PERCENT);
        };
    }

    /** What -t adds (a segment's COMMAND stays last where it was, as lsipc keeps it). */
    List<Column> timeColumns() {
        return switch (this) {
            case QUEUES -> List.of(Column.SEND, Column.RECV, Column.CTIME);
            case SEGMENTS -> List.of(Column.ATTACH, Column.DETACH);
            case SEMAPHORES -> List.of(Column.OTIME, Column.CTIME);
            case POSIX_QUEUES, POSIX_SEMAPHORES, POSIX_SHMEMS -> List.of(Column.MTIME);
            case GLOBAL -> List.of();
        };
    }

    /** What -c adds, as lsipc: the creator's and the owner's ids (a POSIX object has only its owner's). */
    List<Column> creatorColumns() {
        return isPosix() ? List.of(Column.CUID, Column.CGID)
                : this == GLOBAL ? List.of()
                : List.of(Column.CUID, Column.CGID, Column.UID, Column.GID);
    }

    /** What -p adds. */
    List<Column> pidColumns() {
        return switch (this) {
            case QUEUES -> List.of(Column.LSPID, Column.LRPID);
            case SEGMENTS -> List.of(Column.CPID, Column.LPID);
            default -> List.of();
        };
    }

    boolean isSystemV() {
        return this == QUEUES || this == SEGMENTS || this == SEMAPHORES;
    }

    boolean isPosix() {
        return this == POSIX_QUEUES || this == POSIX_SHMEMS || this == POSIX_SEMAPHORES;
    }
}

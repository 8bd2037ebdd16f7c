// The six kinds of object ipc top shows, each a section of the view with its own columns.
package dev.ipc.top;

import java.util.List;
import java.util.Locale;

enum Kind {
    QUEUES("msg", "Message queues", List.of(
            Column.left("ID"), Column.left("KEY"), Column.left("OWNER"), Column.left("PERMS"),
            Column.right("MSGS"), Column.right("BYTES"), Column.right("MSG/S"), Column.right("BYTE/S"),
            Column.right("LSPID"), Column.right("LRPID"), Column.right("SENT"), Column.right("RECEIVED"))),
    SEGMENTS("shm", "Shared memory segments", List.of(
            Column.left("ID"), Column.left("KEY"), Column.left("OWNER"), Column.left("PERMS"),
            Column.right("SIZE"), Column.right("NATTCH"), Column.right("RSS"), Column.right("SWAP"),
            Column.right("CPID"), Column.right("LPID"), Column.right("ATTACHED"), Column.left("PIDS"),
            Column.left("STATUS"))),
    SEMAPHORE_SETS("sem", "Semaphore sets", List.of(
            Column.left("ID"), Column.left("KEY"), Column.left("OWNER"), Column.left("PERMS"),
            Column.right("NSEMS"), Column.right("WAIT+"), Column.right("WAIT0"), Column.right("LAST-OP"),
            Column.left("VALUES"))),
    POSIX_QUEUES("pmsg", "POSIX message queues", List.of(
            Column.left("NAME"), Column.left("OWNER"), Column.left("PERMS"), Column.right("MSGS"),
            Column.right("BYTES"), Column.right("MSG/S"), Column.right("BYTE/S"), Column.right("MAXMSG"),
            Column.right("MSGSIZE"))),
    POSIX_SHARED_MEMORY("pshm", "POSIX shared memory", List.of(
            Column.left("NAME"), Column.left("OWNER"), Column.left("PERMS"), Column.right("SIZE"),
            Column.right("MODIFIED"))),
    POSIX_SEMAPHORES("psem", "POSIX semaphores", List.of(
            Column.left("NAME"), Column.left("OWNER"), Column.left("PERMS"), Column.right("VALUE"),
            Column.right("MODIFIED")));

    /** One column of a section: its heading and which side its cells keep to. */
    record Column(String heading, boolean right) {
        static Column left(String heading) {
            return new Column(heading, false);
        }

        static Column right(String heading) {
            return new Column(heading, true);
        }
    }

    private final String shortName;
    private final String title;
    private final List<Column> columns;

    Kind(String shortName, String title, List<Column> columns) {
        this.shortName = shortName;
        this.title = title;
        this.columns = columns;
    }

    /** msg, shm and sem as ipcrm names the System V kinds; pmsg, pshm and psem as ipcrm --all=TYPE. */
    String shortName() {
        return shortName;
    }

    String title() {
        return title;
    }

    List<Column> columns() {
        return columns;
    }

    boolean posix() {
        return ordinal() >= POSIX_QUEUES.ordinal();
    }

    /** The kind --kind names, or null. */
    static Kind byShortName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Kind kind : values()) {
            if (kind.shortName.equals(lower)) {
                return kind;
            }
        }
        return null;
    }
}

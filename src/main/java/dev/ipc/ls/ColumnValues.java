// The value of each column for each kind of object, typed: renderers decide how to print it.
package dev.ipc.ls;

import dev.ipc.model.LimitRow;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixMessageQueue;
import dev.ipc.model.PosixObject;
import dev.ipc.model.PosixSemaphore;
import dev.ipc.model.PosixSharedMemory;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.ProcFile;
import dev.ipc.state.Orphans;
import dev.ipc.state.UserDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each value goes to a {@link Sink} by its type: text, a key, a number (sizes as unsigned 64-bit patterns, times in
 * epoch seconds, modes for PERMS), a count (a plain number in a size column), a percentage, or none where the
 * object has no such value. Renderers print each as the column's kind says; nothing is boxed on the way, which
 * for 200,000 cells of JSON is a tenth of the run.
 */
final class ColumnValues {
    /** Takes the value of one cell; a sink that writes may fail as its output does. */
    interface Sink {
        void none() throws IOException;

        void text(String value) throws IOException;

        /** A System V key, which prints as 0x%08x. */
        void key(int key) throws IOException;

        void number(long value) throws IOException;

        /** A count in a column of sizes (LIMIT), printed as a plain unsigned number. */
        void count(long value) throws IOException;

        void percent(double value) throws IOException;

        /** Process ids, in order (PROCS): joined by commas as text, an array of numbers in JSON. */
        void pids(List<String> pids) throws IOException;

        /** A user's or group's name, null when the system has none for the id. */
        default void name(String name, long id) throws IOException {
            text(name != null ? name : Long.toString(id));
        }
    }

    private final UserDirectory users;
    private final Map<Integer, String> commandLines = new ConcurrentHashMap<>();

    /** The cells of System V objects, POSIX objects and limits rows, as {@link Rows} take them. */
    final Rows.CellWriter<SystemVObject> systemVCells = new Rows.CellWriter<>() {
        @Override
        public void write(Column column, SystemVObject object, Sink sink) throws IOException {
            systemV(column, object, sink);
        }
    };
    final Rows.CellWriter<PosixObject> posixCells = new Rows.CellWriter<>() {
        @Override
        public void write(Column column, PosixObject object, Sink sink) throws IOException {
            posix(column, object, sink);
        }
    };
    static final Rows.CellWriter<LimitRow> GLOBAL_CELLS = new Rows.CellWriter<>() {
        @Override
        public void write(Column column, LimitRow row, Sink sink) throws IOException {
            global(column, row, sink);
        }
    };

    ColumnValues(UserDirectory users) {
        this.users = users;
    }

    /** Where PROCS and REASON come from: the run's one scan of /proc, made on first use. */
    private Orphans orphans;

    void orphans(Orphans run) {
        this.orphans = run;
    }

    private void systemV(Column column, SystemVObject o, Sink sink) throws IOException {
        switch (column) {
            case KEY -> sink.key(o.key());
            case ID -> sink.number(o.id());
            case OWNER -> sink.text(userOrId(o.owner().uid()));
            case USER -> sink.name(userName(o.owner().uid()), o.owner().uid());
            case PERMS -> sink.number(o.permissions());
            case CUID -> sink.number(o.owner().creatorUid());
            case CUSER -> sink.name(userName(o.owner().creatorUid()), o.owner().creatorUid());
            case CGID -> sink.number(o.owner().creatorGid());
            case CGROUP -> sink.name(groupName(o.owner().creatorGid()), o.owner().creatorGid());
            case UID -> sink.number(o.owner().uid());
            case GID -> sink.number(o.owner().gid());
            case GROUP -> sink.name(groupName(o.owner().gid()), o.owner().gid());
            case CTIME -> optional(sink, o.changeTime());
            case PROCS -> sink.pids(orphans.pids(o));
            case REASON -> sink.text(orphans.verdict(o).reason());
            default -> {
                if (o instanceof MessageQueue q) {
                    messageQueue(column, q, sink);
                } else if (o instanceof SharedMemorySegment m) {
                    sharedMemory(column, m, sink);
                } else {
                    semaphoreSet(column, (SemaphoreSet) o, sink);
                }
            }
        }
    }

    private static void messageQueue(Column column, MessageQueue q, Sink sink) throws IOException {
        switch (column) {
            case USEDBYTES -> sink.number(q.usedBytes());
            case MSGS -> sink.number(q.messages());
            case SEND -> optional(sink, q.sendTime());
            case RECV -> optional(sink, q.receiveTime());
            case LSPID -> sink.number(q.lastSendPid());
            case LRPID -> sink.number(q.lastReceivePid());
            default -> throw notApplicable(column, q);
        }
    }

    private void sharedMemory(Column column, SharedMemorySegment m, Sink sink) throws IOException {
        switch (column) {
            case SIZE -> sink.number(m.size());
            case NATTCH -> sink.number(m.attachCount());
            case STATUS -> sink.text(status(m));
            case ATTACH -> optional(sink, m.attachTime());
            case DETACH -> optional(sink, m.detachTime());
            case COMMAND -> {
                String command = commandLineOrNull(m.creatorPid());
                if (command != null) {
                    sink.text(command);
                } else {
                    sink.none();
                }
            }
            case CPID -> sink.number(m.creatorPid());
            case LPID -> sink.number(m.lastPid());
            default -> throw notApplicable(column, m);
        }
    }

    private static void semaphoreSet(Column column, SemaphoreSet s, Sink sink) throws IOException {
        switch (column) {
            case NSEMS -> sink.number(s.count());
            case OTIME -> optional(sink, s.operationTime());
            default -> throw notApplicable(column, s);
        }
    }

    private void posix(Column column, PosixObject o, Sink sink) throws IOException {
        switch (column) {
            case NAME -> sink.text(o.name());
            case OWNER -> sink.text(userOrId(o.uid()));
            case USER, CUSER -> sink.name(userName(o.uid()), o.uid());
            case PERMS -> sink.number(o.mode());
            case UID, CUID -> sink.number(o.uid()); // a POSIX object's owner is its creator, as lsipc 2.41 has it
            case GID, CGID -> sink.number(o.gid());
            case GROUP, CGROUP -> sink.name(groupName(o.gid()), o.gid());
            default -> {
                if (o instanceof PosixSharedMemory m) {
                    posixSharedMemory(column, m, sink);
                } else if (o instanceof PosixSemaphore s) {
                    posixSemaphore(column, s, sink);
                } else {
                    posixMessageQueue(column, (PosixMessageQueue) o, sink);
                }
            }
        }
    }

    private static void posixSharedMemory(Column column, PosixSharedMemory m, Sink sink) throws IOException {
        switch (column) {
            case SIZE -> sink.number(m.size());
            case MTIME -> sink.number(m.modificationTime());
            default -> throw notApplicable(column, m);
        }
    }

    private static void posixSemaphore(Column column, PosixSemaphore s, Sink sink) throws IOException {
        switch (column) {
            case SVAL -> optional(sink, s.value());
            case MTIME -> sink.number(s.modificationTime());
            default -> throw notApplicable(column, s);
        }
    }

    private static void posixMessageQueue(Column column, PosixMessageQueue q, Sink sink) throws IOException {
        switch (column) {
            case USEDBYTES -> sink.number(q.queuedBytes());
            case MSGS -> optional(sink, q.messages());
            case MAXMSGS -> optional(sink, q.maxMessages());
            case MSGSIZE -> optional(sink, q.maxMessageSize());
            case MTIME -> optional(sink, q.modificationTime());
            default -> throw notApplicable(column, q);
        }
    }

    private static void global(Column column, LimitRow row, Sink sink) throws IOException {
        switch (column) {
            case RESOURCE -> sink.text(row.resource());
            case DESCRIPTION -> sink.text(row.description());
            case LIMIT -> {
                if (row.inBytes()) {
                    sink.number(row.limit());
                } else {
                    sink.count(row.limit());
                }
            }
            case USED -> optional(sink, row.used());
            case USE_PERCENT -> {
                if (row.percentUsed().isPresent()) {
                    sink.percent(row.percentUsed().getAsDouble());
                } else {
                    sink.none();
                }
            }
            default -> sink.none(); // a kind's columns before the limits' (-g -q) are empty
        }
    }

    private static IllegalArgumentException notApplicable(Column column, Object object) {
        return new IllegalArgumentException(column + " does not apply to " + object);
    }

    private static void optional(Sink sink, OptionalLong value) throws IOException {
        if (value.isPresent()) {
            sink.number(value.getAsLong());
        } else {
            sink.none();
        }
    }

    private String userName(long uid) {
        Optional<String> name = users.userName(uid);
        return name.isPresent() ? name.get() : null;
    }

    private String groupName(long gid) {
        Optional<String> name = users.groupName(gid);
        return name.isPresent() ? name.get() : null;
    }

    private String userOrId(long uid) {
        Optional<String> name = users.userName(uid);
        return name.isPresent() ? name.get() : Long.toString(uid); // the number only when needed: once a row
    }



    private static String status(SharedMemorySegment s) {
        if (s.markedForDestruction() && s.locked()) {
            return "dest,locked";
        }
        return s.markedForDestruction() ? "dest" : s.locked() ? "locked" : "";
    }

    /**
     * A process's command line from /proc, arguments joined by spaces; null once it has exited. Read once a
     * process: thousands of segments often share one creator, and a failed open costs an exception.
     */
    String commandLineOrNull(int pid) {
        if (pid <= 0) {
            return null;
        }
        String known = commandLines.get(pid);
        if (known == null) {
            known = readCommandLine(pid);
            commandLines.put(pid, known);
        }
        return known.isEmpty() ? null : known;
    }

    private static String readCommandLine(int pid) {
        try {
            byte[] raw = ProcFile.readAllBytes(Path.of("/proc", Integer.toString(pid), "cmdline"));
            int end = raw.length;
            while (end > 0 && raw[end - 1] == 0) {
                end--;
            }
            for (int i = 0; i < end; i++) {
                if (raw[i] == 0) {
                    raw[i] = ' ';
                }
            }
            return new String(raw, 0, end, StandardCharsets.UTF_8);
        } catch (IOException gone) {
            return "";
        }
    }
}

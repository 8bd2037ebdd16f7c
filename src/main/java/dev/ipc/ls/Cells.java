// The value of each column for each kind of object, typed: renderers decide how to print it.
package dev.ipc.ls;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixMessageQueue;
import dev.ipc.model.PosixObject;
import dev.ipc.model.PosixSemaphore;
import dev.ipc.model.PosixSharedMemory;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.proc.ProcFile;
import dev.ipc.render.Text;
import dev.ipc.source.UserDirectory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Values are String (text), Long (numbers, sizes as unsigned 64-bit patterns, times in epoch seconds),
 * Integer (a mode, for PERMS), Double (percentages), {@link Count} (a plain number in a size column) or null
 * where the object has no such value.
 */
final class Cells {
    /** A number in the LIMIT column that is a count, not a size. */
    record Count(long value) {
    }

    private final UserDirectory users;
    private final Map<Integer, String> commandLines = new ConcurrentHashMap<>();

    Cells(UserDirectory users) {
        this.users = users;
    }

    Object value(Column column, Object object) {
        if (object instanceof SystemVObject o) {
            return systemV(column, o);
        }
        if (object instanceof PosixObject o) {
            return posix(column, o);
        }
        return global(column, (GlobalRow) object);
    }

    private Object systemV(Column column, SystemVObject o) {
        switch (column) {
            case KEY: return Text.formatKey(o.key());
            case ID: return (long) o.id();
            case OWNER: return userOrId(o.owner().uid());
            case PERMS: return o.permissions();
            case CUID: return o.owner().creatorUid();
            case CUSER: return userOrId(o.owner().creatorUid());
            case CGID: return o.owner().creatorGid();
            case CGROUP: return groupOrId(o.owner().creatorGid());
            case UID: return o.owner().uid();
            case USER: return userOrId(o.owner().uid());
            case GID: return o.owner().gid();
            case GROUP: return groupOrId(o.owner().gid());
            case CTIME: return boxed(o.changeTime());
            default: break;
        }
        if (o instanceof MessageQueue q) {
            switch (column) {
                case USEDBYTES: return q.usedBytes();
                case MSGS: return q.messages();
                case SEND: return boxed(q.sendTime());
                case RECV: return boxed(q.receiveTime());
                case LSPID: return (long) q.lastSendPid();
                case LRPID: return (long) q.lastReceivePid();
                default: break;
            }
        } else if (o instanceof SharedMemorySegment s) {
            switch (column) {
                case SIZE: return s.size();
                case NATTCH: return s.attachCount();
                case STATUS: return status(s);
                case ATTACH: return boxed(s.attachTime());
                case DETACH: return boxed(s.detachTime());
                case COMMAND: return commandLine(s.creatorPid());
                case CPID: return (long) s.creatorPid();
                case LPID: return (long) s.lastPid();
                default: break;
            }
        } else if (o instanceof SemaphoreSet s) {
            switch (column) {
                case NSEMS: return (long) s.count();
                case OTIME: return boxed(s.operationTime());
                default: break;
            }
        }
        throw new IllegalArgumentException(column + " does not apply to " + o);
    }

    private Object posix(Column column, PosixObject o) {
        switch (column) {
            case NAME: return o.name();
            case OWNER: return userOrId(o.uid());
            case PERMS: return o.mode();
            case UID: return o.uid();
            case USER: return userOrId(o.uid());
            case GID: return o.gid();
            case GROUP: return groupOrId(o.gid());
            default: break;
        }
        if (o instanceof PosixSharedMemory m) {
            switch (column) {
                case SIZE: return m.size();
                case MTIME: return m.modificationTime();
                default: break;
            }
        } else if (o instanceof PosixSemaphore s) {
            switch (column) {
                case SVAL: return boxed(s.value());
                case MTIME: return s.modificationTime();
                default: break;
            }
        } else if (o instanceof PosixMessageQueue q) {
            switch (column) {
                case USEDBYTES: return q.queuedBytes();
                case MSGS: return boxed(q.messages());
                case MAXMSGS: return boxed(q.maxMessages());
                case MSGSIZE: return boxed(q.maxMessageSize());
                case MTIME: return boxed(q.modificationTime());
                default: break;
            }
        }
        throw new IllegalArgumentException(column + " does not apply to " + o);
    }

    private static Object global(Column column, GlobalRow row) {
        switch (column) {
            case RESOURCE: return row.resource();
            case DESCRIPTION: return row.description();
            case LIMIT: return row.inBytes() ? (Object) row.limit() : new Count(row.limit());
            case USED: return boxed(row.used());
            case USE_PERCENT: return row.percentUsed().isPresent() ? row.percentUsed().getAsDouble() : null;
            default: throw new IllegalArgumentException(column + " does not apply to the limits table");
        }
    }

    private String userOrId(long uid) {
        Optional<String> name = users.userName(uid);
        return name.isPresent() ? name.get() : Long.toString(uid); // the number only when needed: once a row
    }

    private String groupOrId(long gid) {
        Optional<String> name = users.groupName(gid);
        return name.isPresent() ? name.get() : Long.toString(gid);
    }


    private static String status(SharedMemorySegment s) {
        if (s.markedForDestruction() && s.locked()) {
            return "dest,locked";
        }
        return s.markedForDestruction() ? "dest" : s.locked() ? "locked" : "";
    }

    private static Long boxed(OptionalLong value) {
        return value.isPresent() ? value.getAsLong() : null;
    }

    /**
     * The creator's command line from /proc, arguments joined by spaces; empty once it has exited. Read once a
     * process: thousands of segments often share one creator, and a failed open costs an exception.
     */
    private String commandLine(int pid) {
        if (pid <= 0) {
            return "";
        }
        String known = commandLines.get(pid);
        if (known == null) {
            known = readCommandLine(pid);
            commandLines.put(pid, known);
        }
        return known;
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

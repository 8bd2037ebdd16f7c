// The text of each cell of a shown row: sizes in human form, times as how long ago, rates signed.
package dev.ipc.top;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixMessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.render.HumanSize;
import dev.ipc.render.Permissions;
import dev.ipc.render.TextBuffer;
import dev.ipc.state.UserDirectory;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SemaphoreCalls;

import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

final class Cells {
    private static final String NONE = "-";
    private static final int SHOWN_PIDS = 3;

    private final UserDirectory users;
    private final long nowSeconds;
    private final boolean firstFrame;
    private final IpcUsers attached;

    /**
     * @param firstFrame no rates yet: "-" rather than a misleading 0
     * @param attached   the scan of /proc the PIDS column comes from; null: "-"
     */
    Cells(UserDirectory users, long nowSeconds, boolean firstFrame, IpcUsers attached) {
        this.users = users;
        this.attached = attached;
        this.nowSeconds = nowSeconds;
        this.firstFrame = firstFrame;
    }

    static String key(int key) {
        return TextBuffer.formatKey(key);
    }

    static String userName(UserDirectory users, long uid) {
        return users.userName(uid).orElse(Long.toString(uid));
    }

    /** One cell per column of the row's kind. */
    List<String> of(Row row) {
        String owner = userName(users, row.uid());
        if (row instanceof Row.Queue q) {
            MessageQueue m = q.now();
            return List.of(Integer.toString(m.id()), q.name(), owner, Permissions.symbolic(m.mode()),
                    Long.toString(m.messages()), HumanSize.format(m.usedBytes()), rate(q.rate(), false),
                    rate(q.byteRate(), true), pid(m.lastSendPid()), pid(m.lastReceivePid()), ago(m.sendTime()),
                    ago(m.receiveTime()));
        }
        if (row instanceof Row.Segment s) {
            SharedMemorySegment m = s.now();
            return List.of(Integer.toString(m.id()), s.name(), owner, Permissions.symbolic(m.mode()),
                    HumanSize.format(m.size()), Long.toUnsignedString(m.attachCount()), bytes(m.residentBytes()),
                    bytes(m.swappedBytes()), pid(m.creatorPid()), pid(m.lastPid()), ago(m.attachTime()),
                    pids(m.id()), status(m));
        }
        if (row instanceof Row.SemaphoreSetRow s) {
            SemaphoreSet m = s.now();
            Semaphores values = Semaphores.read(m);
            return List.of(Integer.toString(m.id()), s.name(), owner, Permissions.symbolic(m.mode()),
                    Integer.toString(m.count()), values.waitingForIncrease, values.waitingForZero,
                    ago(m.operationTime()), values.values);
        }
        if (row instanceof Row.PosixQueue q) {
            PosixMessageQueue m = q.now();
            return List.of(m.name(), owner, Permissions.symbolic(m.mode()), count(m.messages()),
                    HumanSize.format(m.queuedBytes()), rate(q.rate(), false), rate(q.byteRate(), true),
                    count(m.maxMessages()), count(m.maxMessageSize()));
        }
        if (row instanceof Row.PosixSharedMemoryRow o) {
            return List.of(o.now().name(), owner, Permissions.symbolic(o.now().mode()),
                    HumanSize.format(o.now().size()), ago(OptionalLong.of(o.now().modificationTime())));
        }
        Row.PosixSemaphoreRow o = (Row.PosixSemaphoreRow) row;
        return List.of(o.now().name(), owner, Permissions.symbolic(o.now().mode()), count(o.now().value()),
                ago(OptionalLong.of(o.now().modificationTime())));
    }

    /** A set's values (GETALL) and how many wait on it (GETNCNT, GETZCNT summed): /proc shows none of them. */
    private record Semaphores(String values, String waitingForIncrease, String waitingForZero) {
        static Semaphores read(SemaphoreSet set) {
            try {
                int[] values = SemaphoreCalls.values(set.id(), set.count());
                long increase = 0;
                long zero = 0;
                StringBuilder text = new StringBuilder();
                for (int number = 0; number < values.length; number++) {
                    increase += SemaphoreCalls.waitingForIncrease(set.id(), number);
                    zero += SemaphoreCalls.waitingForZero(set.id(), number);
                    text.append(number == 0 ? "" : " ").append(values[number]);
                }
                return new Semaphores(text.toString(), Long.toString(increase), Long.toString(zero));
            } catch (NativeCallException e) {
                // not ours to read (EACCES), or removed since the snapshot (EINVAL, EIDRM)
                return new Semaphores("?", "?", "?");
            }
        }
    }

    /** The processes attached, lowest pids first: up to SHOWN_PIDS of them, then "+N" for the rest. */
    private String pids(int id) {
        if (attached == null) {
            return NONE;
        }
        List<IpcUsers.Use> uses = attached.onSegment(id);
        if (uses.isEmpty()) {
            return NONE;
        }
        int[] pids = uses.stream().mapToInt(IpcUsers.Use::pid).distinct().sorted().toArray();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < Math.min(SHOWN_PIDS, pids.length); i++) {
            text.append(i == 0 ? "" : ",").append(pids[i]);
        }
        if (pids.length > SHOWN_PIDS) {
            text.append(",+").append(pids.length - SHOWN_PIDS);
        }
        return text.toString();
    }

    private static String status(SharedMemorySegment segment) {
        if (segment.markedForDestruction()) {
            return segment.locked() ? "dest,locked" : "dest";
        }
        return segment.locked() ? "locked" : "";
    }

    private static String pid(int pid) {
        return pid == 0 ? NONE : Integer.toString(pid);
    }

    private static String count(OptionalLong value) {
        return value.isPresent() ? Long.toString(value.getAsLong()) : NONE;
    }

    private static String bytes(OptionalLong value) {
        return value.isPresent() ? HumanSize.format(value.getAsLong()) : NONE;
    }

    /** Per second, signed: +2.5 filling, -1 draining, 0 still; bytes in human form. */
    private String rate(OptionalDouble perSecond, boolean inBytes) {
        if (firstFrame || perSecond.isEmpty()) {
            return NONE;
        }
        double value = perSecond.getAsDouble();
        if (value == 0) {
            return "0";
        }
        String sign = value > 0 ? "+" : "-";
        double size = Math.abs(value);
        if (inBytes) {
            return sign + HumanSize.format(Math.round(size));
        }
        return sign + (size == Math.rint(size) ? Long.toString((long) size)
                : String.format(Locale.ROOT, "%.1f", size));
    }

    /** How long ago: 5s, 3m, 2h, 4d; "-" for never. */
    private String ago(OptionalLong epochSeconds) {
        if (epochSeconds.isEmpty()) {
            return NONE;
        }
        long seconds = Math.max(0, nowSeconds - epochSeconds.getAsLong());
        if (seconds < 120) {
            return seconds + "s";
        }
        if (seconds < 7200) {
            return seconds / 60 + "m";
        }
        if (seconds < 172_800) {
            return seconds / 3600 + "h";
        }
        return seconds / 86_400 + "d";
    }
}

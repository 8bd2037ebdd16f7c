// Renders System V IPC state exactly as util-linux ipcs 2.38 prints it (formats from ipcs.c and ipcutils.c).
package dev.ipc.render;

import dev.ipc.model.IpcLimits;
import dev.ipc.model.IpcUsage;
import dev.ipc.model.MessageLimits;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreLimits;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemoryLimits;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.state.UserDirectory;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

public final class IpcsRenderer {
    /** ipcs's output formats; the last of -t, -p, -c, -l, -u given wins. */
    public enum Format { DEFAULT, TIME, PID, CREATOR, LIMITS, SUMMARY }

    /** ipcs's size units: the default (bytes, or kbytes for shm limits), -b, --human. */
    public enum Unit { DEFAULT, BYTES, HUMAN }

    private static final String NOT_SET = "Not set";

    private final UserDirectory users;
    private final Format format;
    private final Unit unit;
    private final CTime ctime;

    public IpcsRenderer(UserDirectory users, Format format, Unit unit, CTime ctime) {
        this.users = users;
        this.format = format;
        this.unit = unit;
        this.ctime = ctime;
    }

    // ---------------------------------------------------------------- message queues

    public void messageQueues(TextBuffer out, List<MessageQueue> queues) {
        switch (format) {
            case CREATOR -> {
                out.append("------ Message Queues Creators/Owners --------\n");
                creatorHeader(out, "msqid");
            }
            case TIME -> out.append("------ Message Queues Send/Recv/Change Times --------\n")
                    .left("msqid", 8).append(' ').left("owner", 10).append(' ').left("send", 20).append(' ')
                    .left("recv", 20).append(' ').left("change", 20).newline();
            case PID -> out.append("------ Message Queues PIDs --------\n")
                    .left("msqid", 10).append(' ').left("owner", 10).append(' ').left("lspid", 10).append(' ')
                    .left("lrpid", 10).newline();
            default -> out.append("------ Message Queues --------\n")
                    .left("key", 10).append(' ').left("msqid", 10).append(' ').left("owner", 10).append(' ')
                    .left("perms", 10).append(' ').left(unit == Unit.HUMAN ? "size" : "used-bytes", 12)
                    .append(' ').left("messages", 12).newline();
        }
        for (MessageQueue q : queues) {
            messageQueueRow(out, q);
        }
    }

    /** One row; a method of its own so that it is compiled after a few hundred rows, not interpreted. */
    private void messageQueueRow(TextBuffer out, MessageQueue q) {
        switch (format) {
            case CREATOR -> creatorRow(out, q);
            case TIME -> {
                idAndOwner(out, q, 8);
                shortTime(out, q.sendTime());
                shortTime(out, q.receiveTime());
                shortTime(out, q.changeTime());
                out.newline();
            }
            case PID -> {
                idAndOwner(out, q, 8);
                out.append("  ").right(q.lastSendPid(), 5).append("     ").right(q.lastReceivePid(), 5).newline();
            }
            default -> {
                out.hexKey(q.key()).append(' ');
                idAndOwner(out, q, 10);
                out.append(' ').leftOctal(q.permissions(), 10).append(' ');
                if (unit == Unit.HUMAN) {
                    out.right(HumanSize.format(q.usedBytes()), 6).append("      ");
                } else {
                    out.leftUnsigned(q.usedBytes(), 12);
                }
                out.append(' ').leftUnsigned(q.messages(), 12).newline();
            }
        }
    }

    public void messageLimits(TextBuffer out, MessageLimits limits) {
        out.append("------ Messages Limits --------\n");
        out.append("max queues system wide = ").append(limits.maxQueues()).newline();
        size(out, unit == Unit.DEFAULT ? SizeUnit.BYTES : sizeUnit(), "max size of message",
                limits.maxMessageSize(), "\n");
        size(out, unit == Unit.DEFAULT ? SizeUnit.BYTES : sizeUnit(), "default max size of queue",
                limits.maxQueueBytes(), "\n");
    }

    public void messageSummary(TextBuffer out, IpcUsage usage) {
        out.append("------ Messages Status --------\n");
        out.append("allocated queues = ").append(usage.queues()).newline();
        out.append("used headers = ").append(usage.queuedMessages()).newline();
        size(out, sizeUnit(), "used space", usage.queuedBytes(), unit == Unit.DEFAULT ? " bytes\n" : "\n");
    }

    /** ipcs -q -i ID */
    public void messageQueueDetails(TextBuffer out, MessageQueue q) {
        out.append("\nMessage Queue msqid=").append(q.id()).newline();
        out.append("uid=").append(q.owner().uid()).append("\tgid=").append(q.owner().gid())
                .append("\tcuid=").append(q.owner().creatorUid()).append("\tcgid=").append(q.owner().creatorGid())
                .append("\tmode=").alternateOctal(q.mode()).newline();
        size(out, sizeUnit(), unit == Unit.HUMAN ? "csize=" : "cbytes=", q.usedBytes(), "\t");
        size(out, sizeUnit(), unit == Unit.HUMAN ? "qsize=" : "qbytes=", q.maxBytes().orElse(0), "\t");
        out.append("qnum=").append(q.messages()).append("\tlspid=").append(q.lastSendPid())
                .append("\tlrpid=").append(q.lastReceivePid()).newline();
        out.append("send_time=").left(fullTime(q.sendTime()), 26).newline();
        out.append("rcv_time=").left(fullTime(q.receiveTime()), 26).newline();
        out.append("change_time=").left(fullTime(q.changeTime()), 26).newline();
        out.newline();
    }

    // ---------------------------------------------------------------- shared memory

    public void sharedMemory(TextBuffer out, List<SharedMemorySegment> segments) {
        switch (format) {
            case CREATOR -> {
                out.append("------ Shared Memory Segment Creators/Owners --------\n");
                creatorHeader(out, "shmid");
            }
            case TIME -> out.append("------ Shared Memory Attach/Detach/Change Times --------\n")
                    .left("shmid", 10).append(' ').left("owner", 10).append(' ').left("attached", 20).append(' ')
                    .left("detached", 20).append(' ').left("changed", 20).newline();
            case PID -> out.append("------ Shared Memory Creator/Last-op PIDs --------\n")
                    .left("shmid", 10).append(' ').left("owner", 10).append(' ').left("cpid", 10).append(' ')
                    .left("lpid", 10).newline();
            default -> out.append("------ Shared Memory Segments --------\n")
                    .left("key", 10).append(' ').left("shmid", 10).append(' ').left("owner", 10).append(' ')
                    .left("perms", 10).append(' ').left(unit == Unit.HUMAN ? "size" : "bytes", 10).append(' ')
                    .left("nattch", 10).append(' ').left("status", 12).newline();
        }
        for (SharedMemorySegment s : segments) {
            sharedMemoryRow(out, s);
        }
    }

    /** One row; a method of its own so that it is compiled after a few hundred rows, not interpreted. */
    private void sharedMemoryRow(TextBuffer out, SharedMemorySegment s) {
        switch (format) {
            case CREATOR -> creatorRow(out, s);
            case TIME -> {
                idAndOwner(out, s, 10);
                shortTime(out, s.attachTime());
                shortTime(out, s.detachTime());
                shortTime(out, s.changeTime());
                out.newline();
            }
            case PID -> {
                idAndOwner(out, s, 10);
                out.append(' ').leftUnsigned(Integer.toUnsignedLong(s.creatorPid()), 10)
                        .append(' ').leftUnsigned(Integer.toUnsignedLong(s.lastPid()), 10).newline();
            }
            default -> {
                out.hexKey(s.key()).append(' ');
                idAndOwner(out, s, 10);
                out.append(' ').leftOctal(s.permissions(), 10).append(' ');
                if (unit == Unit.HUMAN) {
                    out.right(HumanSize.format(s.size()), 6).append("    ");
                } else {
                    out.leftUnsigned(s.size(), 10);
                }
                out.append(' ').leftUnsigned(s.attachCount(), 10)
                        .append(' ').left(s.markedForDestruction() ? "dest" : " ", 6)
                        .append(' ').left(s.locked() ? "locked" : " ", 6).newline();
            }
        }
    }

    /** shmall is in pages; ipcs multiplies it out and caps an overflow at the largest whole multiple. */
    public void sharedMemoryLimits(TextBuffer out, SharedMemoryLimits limits, long pageSize) {
        out.append("------ Shared Memory Limits --------\n");
        out.append("max number of segments = ").append(Long.toUnsignedString(limits.maxSegments())).newline();
        size(out, unit == Unit.DEFAULT ? SizeUnit.KILOBYTES : sizeUnit(), "max seg size",
                limits.maxSegmentBytes(), "\n");
        long shmall = limits.maxTotalPages();
        if (unit == Unit.DEFAULT) {
            long pageKb = pageSize / 1024;
            long total = saturatedMultiply(shmall, pageKb);
            size(out, SizeUnit.PLAIN, "max total shared memory (kbytes)", total, "\n");
        } else {
            size(out, sizeUnit(), "max total shared memory", saturatedMultiply(shmall, pageSize), "\n");
        }
        size(out, unit == Unit.DEFAULT ? SizeUnit.BYTES : sizeUnit(), "min seg size", limits.minSegmentBytes(),
                "\n");
    }

    /** a * b as unsigned 64-bit, or UINT64_MAX - (UINT64_MAX % b) when it overflows (ipcs's own cap). */
    static long saturatedMultiply(long a, long b) {
        long product = a * b;
        if (a != 0 && Long.divideUnsigned(product, a) != b) {
            return -1L - Long.remainderUnsigned(-1L, b);
        }
        return product;
    }

    public void sharedMemorySummary(TextBuffer out, IpcUsage usage) {
        out.append("------ Shared Memory Status --------\n");
        out.append("segments allocated ").append(usage.segments()).newline();
        out.append("pages allocated ").append(usage.pagesAllocated()).newline();
        out.append("pages resident  ").append(usage.pagesResident()).newline();
        out.append("pages swapped   ").append(usage.pagesSwapped()).newline();
        out.append("Swap performance: 0 attempts\t 0 successes\n");
    }

    /** ipcs -m -i ID */
    public void sharedMemoryDetails(TextBuffer out, SharedMemorySegment s) {
        out.append("\nShared memory Segment shmid=").append(s.id()).newline();
        out.append("uid=").append(s.owner().uid()).append("\tgid=").append(s.owner().gid())
                .append("\tcuid=").append(s.owner().creatorUid()).append("\tcgid=").append(s.owner().creatorGid())
                .newline();
        out.append("mode=").alternateOctal(s.mode()).append("\taccess_perms=").alternateOctal(s.permissions())
                .newline();
        size(out, sizeUnit(), unit == Unit.HUMAN ? "size=" : "bytes=", s.size(), "\t");
        out.append("lpid=").append(Integer.toUnsignedLong(s.lastPid()))
                .append("\tcpid=").append(Integer.toUnsignedLong(s.creatorPid()))
                .append("\tnattch=").append(s.attachCount()).newline();
        out.append("att_time=").left(fullTime(s.attachTime()), 26).newline();
        out.append("det_time=").left(fullTime(s.detachTime()), 26).newline();
        // ipcs prints the change time even when it is 0, as the epoch
        out.append("change_time=").left(ctime.format(s.changeTime().orElse(0)), 26).newline();
        out.newline();
    }

    // ---------------------------------------------------------------- semaphores

    public void semaphores(TextBuffer out, List<SemaphoreSet> sets) {
        switch (format) {
            case CREATOR -> {
                out.append("------ Semaphore Arrays Creators/Owners --------\n");
                creatorHeader(out, "semid");
            }
            case TIME -> out.append("------ Semaphore Operation/Change Times --------\n")
                    .left("semid", 8).append(' ').left("owner", 10).append(' ').left("last-op", 26).append(' ')
                    .left("last-changed", 26).newline();
            case PID -> {
                return; // ipcs has no pid view of semaphores: the section is empty
            }
            default -> out.append("------ Semaphore Arrays --------\n")
                    .left("key", 10).append(' ').left("semid", 10).append(' ').left("owner", 10).append(' ')
                    .left("perms", 10).append(' ').left("nsems", 10).newline();
        }
        for (SemaphoreSet s : sets) {
            semaphoreRow(out, s);
        }
    }

    /** One row; a method of its own so that it is compiled after a few hundred rows, not interpreted. */
    private void semaphoreRow(TextBuffer out, SemaphoreSet s) {
        switch (format) {
            case CREATOR -> creatorRow(out, s);
            case TIME -> {
                idAndOwner(out, s, 8);
                out.append("  ").left(fullTime(s.operationTime()), 26);
                out.append(' ').left(fullTime(s.changeTime()), 26).newline();
            }
            default -> {
                out.hexKey(s.key()).append(' ');
                idAndOwner(out, s, 10);
                out.append(' ').leftOctal(s.permissions(), 10).append(' ').left(s.count(), 10).newline();
            }
        }
    }

    public void semaphoreLimits(TextBuffer out, SemaphoreLimits limits) {
        out.append("------ Semaphore Limits --------\n");
        out.append("max number of arrays = ").append(limits.maxSets()).newline();
        out.append("max semaphores per array = ").append(limits.maxPerSet()).newline();
        out.append("max semaphores system wide = ").append(limits.maxTotal()).newline();
        out.append("max ops per semop call = ").append(limits.maxOpsPerCall()).newline();
        out.append("semaphore max value = ").append(limits.maxValue()).newline();
    }

    public void semaphoreSummary(TextBuffer out, IpcUsage usage) {
        out.append("------ Semaphore Status --------\n");
        out.append("used arrays = ").append(usage.semaphoreSets()).newline();
        out.append("allocated semaphores = ").append(usage.semaphores()).newline();
    }

    /** ipcs -s -i ID; the set must carry its semaphores' values. */
    public void semaphoreSetDetails(TextBuffer out, SemaphoreSet s) {
        out.append("\nSemaphore Array semid=").append(s.id()).newline();
        out.append("uid=").append(s.owner().uid()).append("\t gid=").append(s.owner().gid())
                .append("\t cuid=").append(s.owner().creatorUid()).append("\t cgid=").append(s.owner().creatorGid())
                .newline();
        out.append("mode=").alternateOctal(s.mode()).append(", access_perms=").alternateOctal(s.permissions())
                .newline();
        out.append("nsems = ").append(s.count()).newline();
        out.append("otime = ").left(fullTime(s.operationTime()), 26).newline();
        out.append("ctime = ").left(ctime.format(s.changeTime().orElse(0)), 26).newline();
        out.left("semnum", 10).append(' ').left("value", 10).append(' ').left("ncount", 10).append(' ')
                .left("zcount", 10).append(' ').left("pid", 10).newline();
        for (Semaphore e : s.semaphores()) {
            out.left(e.number(), 10).append(' ').left(e.value(), 10).append(' ').left(e.waitingForIncrease(), 10)
                    .append(' ').left(e.waitingForZero(), 10).append(' ').left(e.lastPid(), 10).newline();
        }
        out.newline();
    }

    // ---------------------------------------------------------------- shared pieces

    /** The sections of -l, in ipcs's order. */
    public void limits(TextBuffer out, IpcLimits limits, boolean msg, boolean shm, boolean sem, long pageSize) {
        if (msg) {
            messageLimits(out, limits.messages());
            out.newline();
        }
        if (shm) {
            sharedMemoryLimits(out, limits.sharedMemory(), pageSize);
            out.newline();
        }
        if (sem) {
            semaphoreLimits(out, limits.semaphores());
            out.newline();
        }
    }

    private void idAndOwner(TextBuffer out, SystemVObject o, int idWidth) {
        out.left(o.id(), idWidth).append(' ');
        Optional<String> name = users.userName(o.owner().uid());
        if (name.isPresent()) {
            out.leftCut(name.get(), 10);
        } else {
            out.left(o.owner().uid(), 10);
        }
    }

    private static void creatorHeader(TextBuffer out, String idHeader) {
        out.left(idHeader, 10).append(' ').left("perms", 10).append(' ').left("cuid", 10).append(' ')
                .left("cgid", 10).append(' ').left("uid", 10).append(' ').left("gid", 10).newline();
    }

    /** ipc_print_perms: names are not cut here, ids print as numbers when no name is known. */
    private void creatorRow(TextBuffer out, SystemVObject o) {
        out.left(o.id(), 10).append(' ').leftOctal(o.permissions(), 10);
        out.append(' ').left(nameOrId(users.userName(o.owner().creatorUid()), o.owner().creatorUid()), 10);
        out.append(' ').left(nameOrId(users.groupName(o.owner().creatorGid()), o.owner().creatorGid()), 10);
        out.append(' ').left(nameOrId(users.userName(o.owner().uid()), o.owner().uid()), 10);
        out.append(' ').left(nameOrId(users.groupName(o.owner().gid()), o.owner().gid()), 10);
        out.newline();
    }

    private static String nameOrId(Optional<String> name, long id) {
        return name.isPresent() ? name.get() : Long.toString(id);
    }

    /** " %-20.16s" of ctime()+4: "Nov 21 04:40:19 " */
    private void shortTime(TextBuffer out, OptionalLong time) {
        out.append(' ').left(time.isPresent() ? ctime.format(time.getAsLong()).substring(4, 20) : NOT_SET, 20);
    }

    private String fullTime(OptionalLong time) {
        return time.isPresent() ? ctime.format(time.getAsLong()) : NOT_SET;
    }

    private enum SizeUnit { PLAIN, BYTES, KILOBYTES, HUMAN }

    private SizeUnit sizeUnit() {
        return switch (unit) {
            case DEFAULT -> SizeUnit.PLAIN;
            case BYTES -> SizeUnit.BYTES;
            case HUMAN -> SizeUnit.HUMAN;
        };
    }

    /** ipc_print_size: a label ending in '=' is printed as it is, others get " (unit) = ". */
    private static void size(TextBuffer out, SizeUnit unit, String label, long size, String end) {
        if (label.endsWith("=")) {
            out.append(label);
        } else {
            switch (unit) {
                case BYTES -> out.append(label).append(" (bytes) = ");
                case KILOBYTES -> out.append(label).append(" (kbytes) = ");
                default -> out.append(label).append(" = ");
            }
        }
        switch (unit) {
            case PLAIN, BYTES -> out.append(Long.toUnsignedString(size));
            case KILOBYTES -> out.append(Long.toUnsignedString(Long.divideUnsigned(size, 1024)));
            case HUMAN -> out.append(HumanSize.format(size));
        }
        out.append(end);
    }
}

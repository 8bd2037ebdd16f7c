// One object of the view, as it is now and as it was at the previous refresh, with what sorting reads of it.
package dev.ipc.top;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixMessageQueue;
import dev.ipc.model.PosixObject;
import dev.ipc.model.PosixSemaphore;
import dev.ipc.model.PosixSharedMemory;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;

import java.util.OptionalDouble;

/**
 * Cells are made only for the rows that are shown (see {@link Cells}): with tens of thousands of objects a refresh
 * sorts them all but formats a screenful. before is null for an object the previous refresh did not see.
 */
interface Row {
    Kind kind();

    /** The System V id; 0 for POSIX objects, which sort by name. */
    int id();

    /** The key of a System V object as ipcs prints it, the name of a POSIX one. */
    String name();

    long uid();

    /** An unsigned value: bytes queued, size, semaphores in a set. */
    long size();

    /** Messages queued, attachments, a semaphore's value. */
    long use();

    /** Messages per second since the previous refresh, when there was one with this object. */
    default OptionalDouble rate() {
        return OptionalDouble.empty();
    }

    /** Whether anything shown moved since the previous refresh (a new object counts as moved). */
    boolean changed();

    private static OptionalDouble perSecond(long now, long before, double seconds) {
        return seconds > 0 ? OptionalDouble.of((now - before) / seconds) : OptionalDouble.empty();
    }

    interface SystemVRow extends Row {
        SystemVObject object();

        @Override
        default int id() {
            return object().id();
        }

        @Override
        default String name() {
            return Cells.key(object().key());
        }

        @Override
        default long uid() {
            return object().owner().uid();
        }
    }

    interface PosixRow extends Row {
        PosixObject object();

        @Override
        default int id() {
            return 0;
        }

        @Override
        default String name() {
            return object().name();
        }

        @Override
        default long uid() {
            return object().uid();
        }
    }

    record Queue(MessageQueue now, MessageQueue before, double seconds) implements SystemVRow {
        @Override
        public SystemVObject object() {
            return now;
        }

        @Override
        public Kind kind() {
            return Kind.QUEUES;
        }

        @Override
        public long size() {
            return now.usedBytes();
        }

        @Override
        public long use() {
            return now.messages();
        }

        @Override
        public OptionalDouble rate() {
            return before == null ? OptionalDouble.empty() : perSecond(now.messages(), before.messages(), seconds);
        }

        /** Bytes per second, as {@link #rate}. */
        OptionalDouble byteRate() {
            return before == null ? OptionalDouble.empty() : perSecond(now.usedBytes(), before.usedBytes(), seconds);
        }

        /** qnum and cbytes can be back where they were while messages went through: stime and rtime tell. */
        @Override
        public boolean changed() {
            return before == null || now.messages() != before.messages() || now.usedBytes() != before.usedBytes()
                    || !now.sendTime().equals(before.sendTime()) || !now.receiveTime().equals(before.receiveTime());
        }
    }

    record Segment(SharedMemorySegment now, SharedMemorySegment before) implements SystemVRow {
        @Override
        public SystemVObject object() {
            return now;
        }

        @Override
        public Kind kind() {
            return Kind.SEGMENTS;
        }

        @Override
        public long size() {
            return now.size();
        }

        @Override
        public long use() {
            return now.attachCount();
        }

        @Override
        public boolean changed() {
            return before == null || now.attachCount() != before.attachCount() || now.mode() != before.mode()
                    || !now.residentBytes().equals(before.residentBytes())
                    || !now.attachTime().equals(before.attachTime()) || !now.detachTime().equals(before.detachTime());
        }
    }

    record SemaphoreSetRow(SemaphoreSet now, SemaphoreSet before) implements SystemVRow {
        @Override
        public SystemVObject object() {
            return now;
        }

        @Override
        public Kind kind() {
            return Kind.SEMAPHORE_SETS;
        }

        @Override
        public long size() {
            return now.count();
        }

        @Override
        public long use() {
            return now.count();
        }

        /** /proc shows no values: an operation shows as a new sem_otime (a value set with SETVAL as ctime). */
        @Override
        public boolean changed() {
            return before == null || !now.operationTime().equals(before.operationTime())
                    || !now.changeTime().equals(before.changeTime());
        }
    }

    record PosixQueue(PosixMessageQueue now, PosixMessageQueue before, double seconds) implements PosixRow {
        @Override
        public PosixObject object() {
            return now;
        }

        @Override
        public Kind kind() {
            return Kind.POSIX_QUEUES;
        }

        @Override
        public long size() {
            return now.queuedBytes();
        }

        @Override
        public long use() {
            return now.messages().orElse(0);
        }

        @Override
        public OptionalDouble rate() {
            if (before == null || now.messages().isEmpty() || before.messages().isEmpty()) {
                return OptionalDouble.empty();
            }
            return perSecond(now.messages().getAsLong(), before.messages().getAsLong(), seconds);
        }

        OptionalDouble byteRate() {
            return before == null ? OptionalDouble.empty()
                    : perSecond(now.queuedBytes(), before.queuedBytes(), seconds);
        }

        @Override
        public boolean changed() {
            return before == null || now.queuedBytes() != before.queuedBytes()
                    || !now.messages().equals(before.messages())
                    || !now.modificationTime().equals(before.modificationTime());
        }
    }

    record PosixSharedMemoryRow(PosixSharedMemory now, PosixSharedMemory before) implements PosixRow {
        @Override
        public PosixObject object() {
            return now;
        }

        @Override
        public Kind kind() {
            return Kind.POSIX_SHARED_MEMORY;
        }

        @Override
        public long size() {
            return now.size();
        }

        @Override
        public long use() {
            return now.size();
        }

        @Override
        public boolean changed() {
            return before == null || now.size() != before.size()
                    || now.modificationTime() != before.modificationTime();
        }
    }

    record PosixSemaphoreRow(PosixSemaphore now, PosixSemaphore before) implements PosixRow {
        @Override
        public PosixObject object() {
            return now;
        }

        @Override
        public Kind kind() {
            return Kind.POSIX_SEMAPHORES;
        }

        @Override
        public long size() {
            return 0;
        }

        @Override
        public long use() {
            return now.value().orElse(0);
        }

        @Override
        public boolean changed() {
            return before == null || !now.value().equals(before.value());
        }
    }
}

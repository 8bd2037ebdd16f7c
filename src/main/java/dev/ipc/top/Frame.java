// One refresh: the snapshot read for it, and a row per object that knows the object as it was at the refresh before.
package dev.ipc.top;

import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixMessageQueue;
import dev.ipc.model.PosixObject;
import dev.ipc.model.PosixSemaphore;
import dev.ipc.model.PosixSharedMemory;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.state.IpcSnapshot;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

final class Frame {
    private final IpcSnapshot snapshot;
    private final long nanoTime;
    private final long epochMillis;
    private final boolean first;
    private final Map<Kind, List<Row>> rows = new EnumMap<>(Kind.class);
    private final Map<Integer, MessageQueue> queues;
    private final Map<Integer, SharedMemorySegment> segments;
    private final Map<Integer, SemaphoreSet> sets;
    private final Map<String, PosixMessageQueue> posixQueues;
    private final Map<String, PosixSharedMemory> posixSharedMemory;
    private final Map<String, PosixSemaphore> posixSemaphores;
    private final IpcUsers users;

    Frame(IpcSnapshot snapshot, long nanoTime, long epochMillis, Frame previous) {
        this(snapshot, nanoTime, epochMillis, previous, null);
    }

    /**
     * @param previous the frame of the refresh before, or null for the first
     * @param users    who uses what, when the segments are shown (null: not scanned)
     */
    Frame(IpcSnapshot snapshot, long nanoTime, long epochMillis, Frame previous, IpcUsers users) {
        this.snapshot = snapshot;
        this.users = users;
        this.nanoTime = nanoTime;
        this.epochMillis = epochMillis;
        this.first = previous == null;
        double seconds = previous == null ? 0 : (nanoTime - previous.nanoTime) / 1e9;
        queues = index(snapshot.queues(), SystemVObject::id);
        segments = index(snapshot.segments(), SystemVObject::id);
        sets = index(snapshot.sets(), SystemVObject::id);
        posixQueues = index(snapshot.posixQueues(), PosixObject::name);
        posixSharedMemory = index(snapshot.posixSharedMemory(), PosixObject::name);
        posixSemaphores = index(snapshot.posixSemaphores(), PosixObject::name);

        List<Row> queueRows = new ArrayList<>(queues.size());
        queues.forEach((id, q) -> queueRows.add(new Row.Queue(q, before(previous, p -> p.queues, id), seconds)));
        rows.put(Kind.QUEUES, queueRows);
        List<Row> segmentRows = new ArrayList<>(segments.size());
        segments.forEach((id, s) -> segmentRows.add(new Row.Segment(s, before(previous, p -> p.segments, id))));
        rows.put(Kind.SEGMENTS, segmentRows);
        List<Row> setRows = new ArrayList<>(sets.size());
        sets.forEach((id, s) -> setRows.add(new Row.SemaphoreSetRow(s, before(previous, p -> p.sets, id))));
        rows.put(Kind.SEMAPHORE_SETS, setRows);
        List<Row> posixQueueRows = new ArrayList<>();
        posixQueues.forEach((name, q) -> posixQueueRows.add(
                new Row.PosixQueue(q, before(previous, p -> p.posixQueues, name), seconds)));
        rows.put(Kind.POSIX_QUEUES, posixQueueRows);
        List<Row> posixShmRows = new ArrayList<>();
        posixSharedMemory.forEach((name, o) -> posixShmRows.add(
                new Row.PosixSharedMemoryRow(o, before(previous, p -> p.posixSharedMemory, name))));
        rows.put(Kind.POSIX_SHARED_MEMORY, posixShmRows);
        List<Row> posixSemRows = new ArrayList<>();
        posixSemaphores.forEach((name, o) -> posixSemRows.add(
                new Row.PosixSemaphoreRow(o, before(previous, p -> p.posixSemaphores, name))));
        rows.put(Kind.POSIX_SEMAPHORES, posixSemRows);
    }

    IpcSnapshot snapshot() {
        return snapshot;
    }

    /** The scan of /proc this frame shows attachments from, or null when none was made. */
    IpcUsers users() {
        return users;
    }

    long epochMillis() {
        return epochMillis;
    }

    /** The first frame has nothing to compare with: no rates, nothing marked as changed. */
    boolean first() {
        return first;
    }

    /** The rows of one kind, in no order. */
    List<Row> rows(Kind kind) {
        return rows.get(kind);
    }

    /** System V objects by id (a new object gets a new id: the kernel adds a sequence number), POSIX ones by name. */
    private static <K, T> Map<K, T> index(List<T> objects, Function<T, K> identity) {
        Map<K, T> map = new HashMap<>(objects.size() * 2);
        for (T object : objects) {
            map.put(identity.apply(object), object);
        }
        return map;
    }

    private static <K, T> T before(Frame previous, Function<Frame, Map<K, T>> table, K identity) {
        return previous == null ? null : table.apply(previous).get(identity);
    }
}

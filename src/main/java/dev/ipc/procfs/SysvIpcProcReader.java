// Reads System V IPC objects from /proc/sysvipc, which shows every object whatever its permissions.
package dev.ipc.procfs;

import dev.ipc.model.IpcOwnership;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Column order is the kernel's (ipc/msg.c, shm.c, sem.c sysvipc_*_proc_show). Each method throws
 * IOException when the file cannot be read, so the caller can fall back to the kernel's own calls.
 */
public final class SysvIpcProcReader {
    private final Path directory;
    private final Prefetch prefetch;

    public SysvIpcProcReader(Path directory) {
        this(directory, Prefetch.NONE);
    }

    /** Takes the files' bytes from prefetch when it read them ahead. */
    public SysvIpcProcReader(Path directory, Prefetch prefetch) {
        this.directory = directory;
        this.prefetch = prefetch;
    }

    /** The three files, for {@link Prefetch}. */
    public static List<Path> files(Path directory) {
        return List.of(directory.resolve("msg"), directory.resolve("shm"), directory.resolve("sem"));
    }

    /** key msqid perms cbytes qnum lspid lrpid uid gid cuid cgid stime rtime ctime */
    public List<MessageQueue> messageQueues() throws IOException {
        FieldScanner in = open("msg");
        List<MessageQueue> queues = new ArrayList<>();
        while (!in.atEnd()) {
            queues.add(messageQueue(in));
        }
        return queues;
    }

    /** One line; a method of its own so that it is compiled after a few hundred lines, not interpreted. */
    private static MessageQueue messageQueue(FieldScanner in) {
        int key = in.nextInt();
        int id = in.nextInt();
        int mode = in.nextOctal();
        long cbytes = in.nextUnsignedLong();
        long qnum = in.nextUnsignedLong();
        int lspid = in.nextInt();
        int lrpid = in.nextInt();
        IpcOwnership owner = ownership(in);
        OptionalLong stime = time(in.nextLong());
        OptionalLong rtime = time(in.nextLong());
        OptionalLong ctime = time(in.nextLong());
        in.skipLine();
        return new MessageQueue(key, id, mode, owner, cbytes, qnum, lspid, lrpid, stime, rtime, ctime,
                OptionalLong.empty());
    }

    /** key shmid perms size cpid lpid nattch uid gid cuid cgid atime dtime ctime rss swap */
    public List<SharedMemorySegment> sharedMemorySegments() throws IOException {
        FieldScanner in = open("shm");
        List<SharedMemorySegment> segments = new ArrayList<>();
        while (!in.atEnd()) {
            segments.add(sharedMemorySegment(in));
        }
        return segments;
    }

    private static SharedMemorySegment sharedMemorySegment(FieldScanner in) {
        int key = in.nextInt();
        int id = in.nextInt();
        int mode = in.nextOctal();
        long size = in.nextUnsignedLong();
        int cpid = in.nextInt();
        int lpid = in.nextInt();
        long nattch = in.nextUnsignedLong();
        IpcOwnership owner = ownership(in);
        OptionalLong atime = time(in.nextLong());
        OptionalLong dtime = time(in.nextLong());
        OptionalLong ctime = time(in.nextLong());
        long rss = in.nextUnsignedLong();
        long swap = in.nextUnsignedLong();
        in.skipLine();
        return new SharedMemorySegment(key, id, mode, owner, size, cpid, lpid, nattch, atime, dtime,
                ctime, OptionalLong.of(rss), OptionalLong.of(swap));
    }

    /** key semid perms nsems uid gid cuid cgid otime ctime */
    public List<SemaphoreSet> semaphoreSets() throws IOException {
        FieldScanner in = open("sem");
        List<SemaphoreSet> sets = new ArrayList<>();
        while (!in.atEnd()) {
            sets.add(semaphoreSet(in));
        }
        return sets;
    }

    private static SemaphoreSet semaphoreSet(FieldScanner in) {
        int key = in.nextInt();
        int id = in.nextInt();
        int mode = in.nextOctal();
        int nsems = in.nextInt();
        IpcOwnership owner = ownership(in);
        OptionalLong otime = time(in.nextLong());
        OptionalLong ctime = time(in.nextLong());
        in.skipLine();
        return new SemaphoreSet(key, id, mode, owner, nsems, otime, ctime, List.of());
    }

    private FieldScanner open(String name) throws IOException {
        FieldScanner scanner = new FieldScanner(prefetch.read(directory.resolve(name)));
        scanner.skipLine(); // the header
        return scanner;
    }

    private static IpcOwnership ownership(FieldScanner in) {
        return new IpcOwnership(in.nextLong(), in.nextLong(), in.nextLong(), in.nextLong());
    }

    /** The kernel writes 0 for "never". */
    static OptionalLong time(long seconds) {
        return seconds == 0 ? OptionalLong.empty() : OptionalLong.of(seconds);
    }
}

// Which processes use which IPC object: one pass over /proc (maps, fd links, each thread's system call), indexed.
package dev.ipc.procfs;

import dev.ipc.libc.Errno;
import dev.ipc.libc.FileStatus;
import dev.ipc.libc.Native;
import dev.ipc.util.Decimal;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the kernel shows per process, read once and indexed by object so that no object costs a rescan:
 * <ul>
 * <li>a System V segment is a mapping named /SYSV%08x (the key at creation) whose inode is the shmid;</li>
 * <li>a POSIX shared memory object or semaphore is a file of /dev/shm, mapped or open, matched by device and inode
 * (glibc creates a semaphore under a temporary name, and a file unlinked while mapped has no name any more);</li>
 * <li>a POSIX queue is an open descriptor of the mqueue file system, matched the same way;</li>
 * <li>a thread asleep in semop, msgsnd, msgrcv, futex or mq_timed* shows the call and its arguments.</li>
 * </ul>
 * System V ids and queue descriptors belong to an IPC namespace: only processes of this process's count for them.
 * Reading another user's maps, fds and threads takes ptrace access: what could not be read is recorded per
 * process with the reason, never guessed.
 */
public final class IpcUsers {
    /** How a process uses an object. */
    public enum Role {
        ATTACHED("attached"), MAPPED("mapped"), OPEN("open"), WAITING("waiting"), SENDING("sending"),
        RECEIVING("receiving");

        private final String word;

        Role(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A file by device (st_dev, glibc's makedev encoding) and inode. */
    public record FileId(long device, long inode) {
    }

    /** One struct sembuf of a semop call. */
    public record SemOp(int number, int operation, int flags) {
    }

    /**
     * How one process uses one object.
     *
     * @param count       attachments or mappings (maps), descriptors (open) or threads (waits)
     * @param writable    for attachments and mappings: whether any is writable
     * @param messageType for msgrcv: the type asked for
     * @param operations  for semop: the operations asked for, when /proc/PID/mem could be read
     * @param path        for POSIX files: the name the process sees ("/dev/shm/x (deleted)")
     */
    public record Use(int pid, Role role, int count, boolean writable, OptionalLong rssBytes, OptionalLong pssBytes,
                      OptionalLong messageType, List<SemOp> operations, String path) {
    }

    /** What one process is, as far as the scan needed it. */
    public record Process(int pid, long uid, long startTicks) {
    }

    private static final long PF_KTHREAD = 0x00200000;
    private static final int MAX_SEMOPS = 64;

    private final Map<Integer, Process> processes = new HashMap<>();
    private final Map<Integer, Map<Key, Builder>> segments = new HashMap<>();
    private final Map<Integer, Integer> segmentKeys = new HashMap<>();
    private final Map<Integer, Map<Key, Builder>> queues = new HashMap<>();
    private final Map<Integer, Map<Key, Builder>> sets = new HashMap<>();
    private final Map<FileId, Map<Key, Builder>> files = new HashMap<>();
    private final Map<Integer, String> uninspected = new TreeMap<>();
    private final List<String> incomplete = new ArrayList<>();
    private final Path proc;
    private final Optional<IpcSyscalls> numbers;
    private final boolean memory;
    /** Only the threads of this IPC namespace's processes, asleep in System V calls: no maps, no descriptors. */
    private boolean waitersOnly;
    private final long shmDevice;
    private final long mqueueDevice;
    private final String shmPrefix;
    private long bootTime = -1;

    private record Key(int pid, Role role) {
    }

    /** A use as it is found, one mapping, descriptor or thread at a time. */
    private static final class Builder {
        final int pid;
        final Role role;
        int count;
        boolean writable;
        long rss = -1;
        long pss = -1;
        OptionalLong messageType = OptionalLong.empty();
        List<SemOp> operations = List.of();
        String path;
        final List<long[]> ranges = new ArrayList<>();

        Builder(int pid, Role role) {
            this.pid = pid;
            this.role = role;
        }

        Use build() {
            return new Use(pid, role, count, writable, rss < 0 ? OptionalLong.empty() : OptionalLong.of(rss),
                    pss < 0 ? OptionalLong.empty() : OptionalLong.of(pss), messageType, operations, path);
        }
    }

    /** A POSIX file mapping of one process: futex addresses inside it wait on that file. */
    private record Mapping(long start, long end, FileId file, String path) {
    }

    private IpcUsers(Path proc, Optional<IpcSyscalls> numbers, boolean memory, SystemPaths paths) {
        this.proc = proc;
        this.numbers = numbers;
        this.memory = memory;
        this.mqueueDevice = deviceOfMqueue(paths);
        this.shmDevice = device(paths.devShm());
        this.shmPrefix = paths.devShm() + "/";
    }

    /**
     * Every process of this machine's /proc, read once. memory: also read smaps for each attachment's RSS and PSS
     * and /proc/PID/mem for the operations a semop waits for (who asks; the orphan decision does not).
     */
    public static IpcUsers scan(SystemPaths paths, boolean memory) {
        String arch = System.getProperty("os.arch", "");
        return scan(procOf(paths), IpcSyscalls.forArch(arch), arch, memory, paths);
    }

    /** /proc, found beside the IPC namespace link SystemPaths names (/proc/self/ns/ipc). */
    static Path procOf(SystemPaths paths) {
        Path link = paths.ipcNamespace();
        if (link.getNameCount() >= 3 && link.getParent().getFileName().toString().equals("ns")) {
            return link.getParent().getParent().getParent();
        }
        return Path.of("/proc");
    }

    /**
     * The threads of this IPC namespace's processes that sleep in semop, msgsnd or msgrcv, and nothing else: all
     * that the users of a queue are. A process of another namespace costs one look at its ns/ipc link.
     */
    public static IpcUsers scanSystemVWaiters(SystemPaths paths) {
        String arch = System.getProperty("os.arch", "");
        return scan(procOf(paths), IpcSyscalls.forArch(arch), arch, false, paths, true);
    }

    static IpcUsers scan(Path proc, Optional<IpcSyscalls> numbers, String arch, boolean memory, SystemPaths paths) {
        return scan(proc, numbers, arch, memory, paths, false);
    }

    private static IpcUsers scan(Path proc, Optional<IpcSyscalls> numbers, String arch, boolean memory,
                                 SystemPaths paths, boolean waitersOnly) {
        IpcUsers users = new IpcUsers(proc, numbers, memory, paths);
        users.waitersOnly = waitersOnly;
        if (numbers.isEmpty()) {
            users.incomplete.add("no system call numbers known for os.arch " + arch);
        }
        // when it cannot be read, every process counts as one of ours: more objects look used, none less
        IpcNamespace ownNamespace = IpcNamespace.read(paths.ipcNamespace());
        if (waitersOnly && ownNamespace.id() != null) {
            users.namespaceFiles = NamespaceFiles.of(paths.ipcNamespace());
        }
        boolean sawInit;
        if (users.namespaceFiles != null) {
            sawInit = users.inspectOwnNamespace(proc, ownNamespace);
        } else {
            sawInit = false;
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc)) {
                for (Path process : entries) {
                    String name = process.getFileName().toString();
                    if (!Decimal.isDecimal(name, 10, false)) { // a process
                        continue;
                    }
                    sawInit |= name.equals("1");
                    users.inspect(process, Integer.parseInt(name), ownNamespace, false);
                }
            } catch (IOException e) {
                users.incomplete.add(proc + ": " + reason(e));
            }
        }
        if (!sawInit) {
            // every PID namespace has a process 1: /proc hides it, and others, from us (mount option hidepid)
            users.incomplete.add("processes of other users are hidden in " + proc);
        }
        return users.finish();
    }

    /**
     * The waiters' scan with libc at hand: the names of /proc in one list, each process's namespace told by one
     * stat of its link, and only the processes of this namespace looked at further. ipc itself is skipped: it
     * waits in no System V call. Returns whether process 1 was seen.
     */
    private boolean inspectOwnNamespace(Path proc, IpcNamespace ownNamespace) {
        String[] names = new File(proc.toString()).list();
        if (names == null) {
            incomplete.add(proc + ": cannot be listed");
            return false;
        }
        String prefix = proc + "/";
        long self = selfPid();
        boolean sawInit = false;
        for (String name : names) {
            if (!Decimal.isDecimal(name, 10, false)) { // a process
                continue;
            }
            sawInit |= name.equals("1");
            int pid = Integer.parseInt(name);
            int same = namespaceFiles.same(prefix + name + "/ns/ipc");
            if (pid == self || same == NamespaceFiles.OTHER) {
                continue;
            }
            if (same == NamespaceFiles.DENIED) {
                unreadable(proc.resolve(name), pid, prefix + name);
            } else {
                inspect(proc.resolve(name), pid, ownNamespace, same == NamespaceFiles.SAME);
            }
        }
        return sawInit;
    }

    /**
     * A process whose namespace link we may not read: the kernel checks the same ptrace access for it as for the
     * threads' syscall files (stricter for those), so the process is counted as one that could not be read, as the
     * reading of its threads would end, without trying.
     */
    private void unreadable(Path process, int pid, String directory) {
        long[] stat = stat(process);
        if (stat == null || (stat[0] & PF_KTHREAD) != 0) {
            return; // gone, or a kernel thread
        }
        long uid = namespaceFiles.owner(directory);
        if (uid < 0) {
            return; // gone
        }
        processes.put(pid, new Process(pid, uid, stat[1]));
        uninspected.putIfAbsent(pid, deniedReason(uid));
    }

    /** @param sameNamespace known to be in this IPC namespace (the waiters' scan has told it already) */
    private void inspect(Path process, int pid, IpcNamespace ownNamespace, boolean sameNamespace) {
        if (waitersOnly && ownNamespace.id() != null && !sameNamespace) {
            try {
                if (!ownNamespace.equals(IpcNamespace.of(process.resolve("ns/ipc")))) {
                    return;
                }
            } catch (IOException e) {
                // gone, or cannot tell: inspected below as the full scan does
            }
        }
        long[] stat = stat(process);
        if (stat == null) {
            return; // gone
        }
        if ((stat[0] & PF_KTHREAD) != 0) {
            return; // kernel threads map nothing and open nothing
        }
        long uid;
        try {
            uid = Integer.toUnsignedLong((Integer) Files.getAttribute(process, "unix:uid"));
        } catch (IOException | RuntimeException gone) {
            return;
        }
        processes.put(pid, new Process(pid, uid, stat[1]));
        boolean ours;
        try {
            ours = sameNamespace || ownNamespace.id() == null
                    || ownNamespace.equals(IpcNamespace.of(process.resolve("ns/ipc")));
        } catch (IOException e) {
            if (gone(e)) {
                processes.remove(pid);
                return;
            }
            ours = true; // cannot tell: count it as ours, so that nothing it may use looks unused
        }
        if (waitersOnly && !ours) {
            return;
        }
        try {
            List<Mapping> mappings = waitersOnly ? List.of() : maps(process, pid, ours);
            Map<Integer, FileId> descriptors = waitersOnly ? Map.of() : descriptors(process, pid);
            if (numbers.isPresent()) {
                threads(process, pid, ours, mappings, descriptors);
            }
        } catch (IOException e) {
            if (gone(e)) {
                return;
            }
            uninspected.putIfAbsent(pid, reason(e, uid));
        }
    }

    /**
     * Tells a process's IPC namespace by the file its ns/ipc link leads to (one stat through libc, whose library the
     * removal that asks for waiters loads anyway) rather than by the link's text read through NIO, which costs a
     * removal by id most of its scan of every process on the machine. Null where stat cannot tell (the link was
     * moved for a test): the link's text decides then.
     */
    private NamespaceFiles namespaceFiles;

    private record NamespaceFiles(FileStatus status, long device, long inode) {
        static final int SAME = 1;
        static final int OTHER = 0;
        /** Gone, hidden, or moved for a test: the link's text decides. */
        static final int UNKNOWN = -1;
        /** EACCES: no ptrace access to the process. */
        static final int DENIED = -2;

        static NamespaceFiles of(Path own) {
            try {
                FileStatus status = new FileStatus();
                return status.ofTarget(own.toString()) ? new NamespaceFiles(status, status.device(), status.inode())
                        : null;
            } catch (LinkageError | RuntimeException noLibc) {
                return null;
            }
        }

        int same(String link) {
            if (!status.ofTarget(link)) {
                return Native.errno() == Errno.EACCES ? DENIED : UNKNOWN;
            }
            return status.device() == device && status.inode() == inode ? SAME : OTHER;
        }

        /** The owner of a process's /proc directory, as NIO's unix:uid reads it; -1 when it is gone. */
        long owner(String directory) {
            return status.ofTarget(directory) ? Integer.toUnsignedLong(status.uid()) : -1;
        }

        // Written out: a record's generated equals and hashCode are linked at their first call (see IpcNamespace).
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    /** getpid() through libc, loaded for the removal anyway: ProcessHandle.current() starts a thread pool. */
    private static long selfPid() {
        try {
            return Native.libc().getpid();
        } catch (LinkageError | RuntimeException noLibc) {
            return -1;
        }
    }

    /** flags (field 9) and starttime (field 22) of /proc/PID/stat; null when the process is gone. */
    private static long[] stat(Path process) {
        String text;
        try {
            text = new String(ProcFile.readAllBytes(process.resolve("stat")), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return null;
        }
        // the command name, in parentheses, may hold blanks and parentheses: fields count from the last ')'
        int close = text.lastIndexOf(')');
        if (close < 0) {
            return null;
        }
        String[] fields = text.substring(close + 2).split(" ");
        try {
            return new long[] {Long.parseLong(fields[6]), Long.parseLong(fields[19])};
        } catch (RuntimeException malformed) {
            return null;
        }
    }

    // ---- maps ----

    private List<Mapping> maps(Path process, int pid, boolean ours) throws IOException {
        byte[] bytes = ProcFile.readAllBytes(process.resolve("maps"));
        List<Mapping> posix = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int end = at;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            mapping(new String(bytes, at, end - at, StandardCharsets.UTF_8), pid, ours, posix);
            at = end + 1;
        }
        return posix;
    }

    /**
     * "7fcf...-7fcf... rw-s 00000000 00:01 3   /SYSV1234abcd (deleted)", cut at its blanks by hand: most lines
     * (anonymous memory, device 00:00) are dropped after a few indexOf calls.
     */
    private void mapping(String line, int pid, boolean ours, List<Mapping> posix) {
        int range = line.indexOf(' ');
        int perms = range < 0 ? -1 : line.indexOf(' ', range + 1);
        int offset = perms < 0 ? -1 : line.indexOf(' ', perms + 1);
        int dev = offset < 0 ? -1 : line.indexOf(' ', offset + 1);
        if (dev < 0) {
            return;
        }
        int inodeEnd = line.indexOf(' ', dev + 1);
        String inodeText = line.substring(dev + 1, inodeEnd < 0 ? line.length() : inodeEnd);
        if (inodeEnd < 0 || line.startsWith("00:00", offset + 1)) {
            return; // anonymous memory (device 00:00; a SysV segment's inode, its shmid, may be 0)
        }
        String path = line.substring(inodeEnd).strip();
        long device = device(line.substring(offset + 1, dev));
        boolean sysv = path.startsWith("/SYSV") && device != shmDevice;
        if (!sysv && device != shmDevice) {
            return;
        }
        long inode;
        try {
            inode = Long.parseLong(inodeText);
        } catch (NumberFormatException e) {
            return;
        }
        boolean writable = line.charAt(range + 2) == 'w';
        int dash = line.indexOf('-');
        long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
        long end = Long.parseUnsignedLong(line.substring(dash + 1, range), 16);
        if (sysv) {
            if (!ours) {
                return;
            }
            int id = (int) inode;
            try {
                segmentKeys.putIfAbsent(id, (int) Long.parseUnsignedLong(path.substring(5, 13), 16));
            } catch (RuntimeException noKey) {
                // a file really named /SYSV...: its inode is still the id
            }
            Builder use = use(segments, id, pid, Role.ATTACHED);
            use.count++;
            use.writable |= writable;
            use.ranges.add(new long[] {start, end});
        } else {
            FileId file = new FileId(device, inode);
            Builder use = use(files, file, pid, Role.MAPPED);
            use.count++;
            use.writable |= writable;
            use.path = path;
            use.ranges.add(new long[] {start, end});
            posix.add(new Mapping(start, end, file, path));
        }
    }

    /** "fd:03" in maps, hexadecimal major and minor, as the st_dev glibc's makedev makes of them. */
    static long device(String majorMinor) {
        int colon = majorMinor.indexOf(':');
        long major = Long.parseLong(majorMinor.substring(0, colon), 16);
        long minor = Long.parseLong(majorMinor.substring(colon + 1), 16);
        return ((major & 0xfffL) << 8) | ((major & ~0xfffL) << 32) | (minor & 0xffL) | ((minor & ~0xffL) << 12);
    }

    /** The mqueue file system's device; -1 when it cannot be reached (another namespace's, not mountable). */
    private static long deviceOfMqueue(SystemPaths paths) {
        try {
            return device(paths.mqueueDirectory());
        } catch (IOException unreachable) {
            return -1;
        }
    }

    private static long device(Path directory) {
        try {
            return (Long) Files.getAttribute(directory, "unix:dev");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    // ---- descriptors ----

    /** The process's descriptors that are POSIX objects, by number. */
    private Map<Integer, FileId> descriptors(Path process, int pid) throws IOException {
        Map<Integer, FileId> found = new HashMap<>();
        if (shmDevice < 0 && mqueueDevice < 0) {
            return found;
        }
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(process.resolve("fd"))) {
            for (Path fd : fds) {
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (IOException closed) {
                    continue;
                }
                // a queue shows as "/NAME" (the root of its internal mount); /dev/shm files by their path
                if (target.isEmpty() || target.charAt(0) != '/' || target.startsWith("/proc/")
                        || (target.indexOf('/', 1) >= 0 && !target.startsWith(shmPrefix) && !target.startsWith("/dev/shm/"))) {
                    continue;
                }
                Map<String, Object> attributes;
                try {
                    attributes = Files.readAttributes(fd, "unix:dev,ino,mode");
                } catch (IOException | RuntimeException closed) {
                    continue;
                }
                long device = (Long) attributes.get("dev");
                if (device != shmDevice && device != mqueueDevice || ((Integer) attributes.get("mode") & 0170000)
                        != 0100000) {
                    continue;
                }
                FileId file = new FileId(device, (Long) attributes.get("ino"));
                Builder use = use(files, file, pid, Role.OPEN);
                use.count++;
                use.path = target;
                found.put(Integer.parseInt(fd.getFileName().toString()), file);
            }
        }
        return found;
    }

    // ---- threads ----

    private void threads(Path process, int pid, boolean ours, List<Mapping> mappings,
                         Map<Integer, FileId> descriptors) throws IOException {
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(process.resolve("task"))) {
            for (Path task : tasks) {
                if (running(task)) {
                    continue; // on a CPU, so in no blocking call; reading its syscall file would wait for it
                }
                String line;
                try {
                    line = ProcFile.readText(task.resolve("syscall"));
                } catch (IOException e) {
                    if (gone(e)) {
                        continue; // that thread has exited; its siblings may still wait
                    }
                    throw e;
                }
                call(process, line, pid, ours, mappings, descriptors);
            }
        }
    }

    /**
     * Whether the thread is running (state R in its stat file): the kernel answers a read of a running thread's
     * syscall file only once the thread is off the CPU, which on a busy machine costs milliseconds per thread.
     */
    private static boolean running(Path task) {
        try {
            String stat = ProcFile.readText(task.resolve("stat"));
            int close = stat.lastIndexOf(')');
            return close >= 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'R';
        } catch (IOException gone) {
            return false;
        }
    }

    /** "70 0x3 0x7ffd... ...": the call's number, then its arguments in hex; "running" or "-1 ..." otherwise. */
    private void call(Path process, String line, int pid, boolean ours, List<Mapping> mappings,
                      Map<Integer, FileId> descriptors) {
        String[] fields = line.split(" ");
        if (fields.length < 7 || !fields[1].startsWith("0x")) {
            return;
        }
        int number;
        long[] args = new long[6];
        try {
            number = Integer.parseInt(fields[0]);
            for (int i = 0; i < 6; i++) {
                args[i] = Long.parseUnsignedLong(fields[i + 1].substring(2), 16);
            }
        } catch (RuntimeException notACall) {
            return;
        }
        IpcSyscalls calls = numbers.orElseThrow();
        // ids and descriptors are ints passed in 64-bit registers
        if (ours && (number == calls.semop() || number == calls.semtimedop())) {
            Builder use = use(sets, (int) args[0], pid, Role.WAITING);
            use.count++;
            if (memory) {
                List<SemOp> operations = new ArrayList<>(use.operations);
                operations.addAll(semops(process, args[1], args[2]));
                use.operations = List.copyOf(operations);
            }
        } else if (ours && number == calls.msgsnd()) {
            use(queues, (int) args[0], pid, Role.SENDING).count++;
        } else if (ours && number == calls.msgrcv()) {
            Builder use = use(queues, (int) args[0], pid, Role.RECEIVING);
            use.count++;
            use.messageType = OptionalLong.of(args[3]);
        } else if (number == calls.futex()) {
            for (Mapping mapping : mappings) {
                if (Long.compareUnsigned(args[0], mapping.start) >= 0 && Long.compareUnsigned(args[0], mapping.end) < 0) {
                    Builder use = use(files, mapping.file, pid, Role.WAITING);
                    use.count++;
                    use.path = mapping.path;
                }
            }
        } else if (number == calls.mqTimedsend() || number == calls.mqTimedreceive()) {
            FileId queue = descriptors.get((int) args[0]);
            if (queue != null) {
                use(files, queue, pid, number == calls.mqTimedsend() ? Role.SENDING : Role.RECEIVING).count++;
            }
        }
    }

    /** The sembuf array a semop waits with: {u16 sem_num; s16 sem_op; s16 sem_flg}, from /proc/PID/mem. */
    private static List<SemOp> semops(Path process, long address, long count) {
        int n = (int) Math.min(Math.max(count, 0), MAX_SEMOPS);
        try (RandomAccessFile mem = new RandomAccessFile(process.resolve("mem").toFile(), "r")) {
            byte[] bytes = new byte[6 * n];
            mem.seek(address);
            mem.readFully(bytes);
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
            List<SemOp> operations = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                operations.add(new SemOp(Short.toUnsignedInt(buffer.getShort()), buffer.getShort(),
                        buffer.getShort()));
            }
            return operations;
        } catch (IOException | RuntimeException unreadable) {
            return List.of(); // not ours to read, or the call returned meanwhile: say nothing rather than guess
        }
    }

    private static <K> Builder use(Map<K, Map<Key, Builder>> index, K object, int pid, Role role) {
        return index.computeIfAbsent(object, k -> new LinkedHashMap<>())
                .computeIfAbsent(new Key(pid, role), k -> new Builder(pid, role));
    }

    // ---- smaps ----

    /** RSS and PSS of each attachment and mapping, from smaps, read only for the processes that have them. */
    private void memory() {
        Map<Integer, List<Builder>> byPid = new HashMap<>();
        for (Map<Key, Builder> uses : segments.values()) {
            uses.values().forEach(use -> byPid.computeIfAbsent(use.pid, p -> new ArrayList<>()).add(use));
        }
        for (Map<Key, Builder> uses : files.values()) {
            for (Builder use : uses.values()) {
                if (use.role == Role.MAPPED) {
                    byPid.computeIfAbsent(use.pid, p -> new ArrayList<>()).add(use);
                }
            }
        }
        byPid.forEach(this::smaps);
    }

    private void smaps(int pid, List<Builder> uses) {
        Map<Long, Builder> byStart = new HashMap<>();
        for (Builder use : uses) {
            for (long[] range : use.ranges) {
                byStart.put(range[0], use);
            }
        }
        String text;
        try {
            text = new String(ProcFile.readAllBytes(proc.resolve(Integer.toString(pid)).resolve("smaps")),
                    StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return;
        }
        Builder current = null;
        for (String line : text.split("\n")) {
            int dash = line.indexOf('-');
            if (dash > 0 && line.indexOf(' ') > dash && isHex(line, dash)) {
                current = byStart.get(Long.parseUnsignedLong(line.substring(0, dash), 16));
            } else if (current != null && (line.startsWith("Rss:") || line.startsWith("Pss:"))) {
                long bytes = kilobytes(line) * 1024;
                if (line.charAt(0) == 'R') {
                    current.rss = Math.max(current.rss, 0) + bytes;
                } else {
                    current.pss = Math.max(current.pss, 0) + bytes;
                }
            }
        }
    }

    private static boolean isHex(String line, int end) {
        for (int i = 0; i < end; i++) {
            if (Character.digit(line.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }

    private static long kilobytes(String line) {
        String value = line.substring(4).trim();
        int blank = value.indexOf(' ');
        return Long.parseLong(blank < 0 ? value : value.substring(0, blank));
    }

    // ---- answers ----

    private static List<Use> built(Map<Key, Builder> uses) {
        if (uses == null) {
            return List.of();
        }
        List<Use> list = new ArrayList<>(uses.size());
        for (Builder use : uses.values()) {
            list.add(use.build());
        }
        return list;
    }

    /** After the scan: RSS and PSS when asked for. */
    private IpcUsers finish() {
        if (memory) {
            memory();
        }
        return this;
    }

    /** The processes attached to this System V segment. */
    public List<Use> onSegment(int id) {
        return built(segments.get(id));
    }

    /** The key the segment had when it was created (its mapping's name), if any process has it attached. */
    public OptionalLong creationKey(int id) {
        Integer key = segmentKeys.get(id);
        return key == null ? OptionalLong.empty() : OptionalLong.of(key);
    }

    /** The threads asleep in msgsnd or msgrcv on this queue. */
    public List<Use> onQueue(int id) {
        return built(queues.get(id));
    }

    /** The threads asleep in semop or semtimedop on this set. */
    public List<Use> onSet(int id) {
        return built(sets.get(id));
    }

    /** The processes that map, open or wait on this POSIX file. */
    public List<Use> onFile(FileId file) {
        return built(files.get(file));
    }

    public Set<Integer> segmentIds() {
        return new HashSet<>(segments.keySet());
    }

    public Set<Integer> queueIds() {
        return new HashSet<>(queues.keySet());
    }

    public Set<Integer> setIds() {
        return new HashSet<>(sets.keySet());
    }

    public Set<FileId> fileIds() {
        return new HashSet<>(files.keySet());
    }

    /** The device of /dev/shm (where POSIX shared memory and semaphores live), or -1. */
    public long shmDevice() {
        return shmDevice;
    }

    /** The device of the mqueue mount, or -1 when none is mounted where SystemPaths says. */
    public long mqueueDevice() {
        return mqueueDevice;
    }

    /** Whether /proc has this pid now (a process the scan skipped or did not list, such as one hidden from it). */
    public boolean exists(int pid) {
        return Files.exists(proc.resolve(Integer.toString(pid)));
    }

    public Optional<Process> process(int pid) {
        return Optional.ofNullable(processes.get(pid));
    }

    public Collection<Process> processes() {
        return processes.values();
    }

    /** The process's start, in seconds since the epoch (from its start in clock ticks after boot). */
    public OptionalLong startTime(int pid) {
        Process process = processes.get(pid);
        if (process == null) {
            return OptionalLong.empty();
        }
        if (bootTime < 0) {
            bootTime = bootTime(proc);
        }
        // USER_HZ is 100 on every architecture Linux reports /proc/PID/stat for
        return bootTime == 0 ? OptionalLong.empty() : OptionalLong.of(bootTime + process.startTicks() / 100);
    }

    private static long bootTime(Path proc) {
        try {
            for (String line : ProcFile.readText(proc.resolve("stat")).split("\n")) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring(6).trim());
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }

    /** The command line, arguments joined by blanks; the name in brackets when it has none. */
    public String commandLine(int pid) {
        Path process = proc.resolve(Integer.toString(pid));
        try {
            byte[] bytes = ProcFile.readAllBytes(process.resolve("cmdline"));
            int length = bytes.length;
            while (length > 0 && bytes[length - 1] == 0) {
                length--;
            }
            if (length > 0) {
                for (int i = 0; i < length; i++) {
                    if (bytes[i] == 0) {
                        bytes[i] = ' ';
                    }
                }
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            return "[" + ProcFile.readText(process.resolve("comm")) + "]";
        } catch (IOException gone) {
            return "?";
        }
    }

    /** The processes that could not be read, by pid, with why. */
    public Map<Integer, String> uninspected() {
        return uninspected;
    }

    /** Whether every process could be read (nothing hidden, numbers known). */
    public boolean complete() {
        return uninspected.isEmpty() && incomplete.isEmpty();
    }

    /** What kept the scan from being complete, in one line; empty when it was complete. */
    public Optional<String> why() {
        if (complete()) {
            return Optional.empty();
        }
        List<String> reasons = new ArrayList<>(incomplete);
        if (!uninspected.isEmpty()) {
            Map<String, List<Integer>> byReason = new TreeMap<>();
            uninspected.forEach((pid, why) -> byReason.computeIfAbsent(why, k -> new ArrayList<>()).add(pid));
            byReason.forEach((why, pids) -> reasons.add(count(pids.size(), "process", "processes") + " " + listed(pids)
                    + ": " + why));
        }
        return Optional.of(String.join("; ", reasons));
    }

    private static String listed(List<Integer> pids) {
        StringBuilder text = new StringBuilder("(");
        for (int i = 0; i < pids.size() && i < 10; i++) {
            text.append(i > 0 ? " " : "").append(pids.get(i));
        }
        return text.append(pids.size() > 10 ? " ...)" : ")").toString();
    }

    public static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    // ---- reading ----

    /** The process or thread exited while it was read (ESRCH once it is being reaped). */
    private static boolean gone(IOException e) {
        String message = String.valueOf(e instanceof FileSystemException fs ? fs.getReason() : e.getMessage());
        return e instanceof NoSuchFileException || message.endsWith("No such process")
                || message.endsWith("No such file or directory)") || message.endsWith("No such process)");
    }

    /** EACCES, as NIO (AccessDeniedException) or java.io ("/proc/1/maps (Permission denied)") reports it. */
    private static boolean denied(IOException e) {
        return e instanceof AccessDeniedException || String.valueOf(e.getMessage()).endsWith("(Permission denied)");
    }

    private static String reason(IOException e) {
        if (denied(e)) {
            return "Permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage();
    }

    /** Why a process could not be read: another user's, or ours but closed by Yama's ptrace_scope. */
    private String reason(IOException e, long uid) {
        return denied(e) ? deniedReason(uid) : reason(e);
    }

    private String deniedReason(long uid) {
        long self = selfUid();
        if (self >= 0 && uid != self && self != 0) {
            return "Permission denied (another user's process; reading it needs root or CAP_SYS_PTRACE)";
        }
        if (self == 0) {
            // root is refused only for processes outside its user namespace (or with ptrace_scope 3)
            return "Permission denied (ptrace access refused to root: a process of an outer user namespace)";
        }
        return "Permission denied (ptrace access: kernel.yama.ptrace_scope " + ptraceScope()
                + " lets only a process's ancestors read it)";
    }

    private long selfUid = -2;

    private long selfUid() {
        if (selfUid == -2) {
            try {
                selfUid = Integer.toUnsignedLong((Integer) Files.getAttribute(proc.resolve("self"), "unix:uid"));
            } catch (IOException | RuntimeException e) {
                selfUid = -1;
            }
        }
        return selfUid;
    }

    private String ptraceScope() {
        try {
            return ProcFile.readText(proc.resolve("sys/kernel/yama/ptrace_scope")).strip();
        } catch (IOException e) {
            return "not set";
        }
    }
}

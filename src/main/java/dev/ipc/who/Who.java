// Joins one scan of /proc (IpcUsers) with the objects as the kernel lists them: who uses what, by object.
package dev.ipc.who;

import dev.ipc.cli.IpcException;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixResource;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.procfs.IpcUsers.FileId;
import dev.ipc.procfs.PosixIpcFiles;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.state.Operators;
import dev.ipc.state.SystemVSource;
import dev.ipc.state.UserDirectory;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.who.UsedObject.Kind;
import dev.ipc.who.UsedObject.Recorded;
import dev.ipc.who.UsedObject.User;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.function.Predicate;

/** Every lookup is in a map built once: no object costs another pass over /proc or /proc/sysvipc. */
final class Who {
    private final IpcUsers users;
    private final Operators operators;
    private final SystemVSource source;
    private final PosixIpcFiles posixFiles;
    private final UserDirectory directory;
    private final Map<Integer, String> commands = new HashMap<>();

    Who(SystemPaths paths, IpcUsers users) {
        this.users = users;
        this.operators = new Operators(users);
        this.source = new SystemVSource(paths);
        this.posixFiles = new PosixIpcFiles(paths);
        this.directory = new UserDirectory(paths.passwd(), paths.group());
    }

    IpcUsers users() {
        return users;
    }

    /** Every object a process uses, or whose recorded pids include a live process, in who's order. */
    List<UsedObject> everything() {
        List<UsedObject> all = new ArrayList<>();
        for (SharedMemorySegment segment : source.sharedMemorySegments()) {
            add(all, segment(segment));
        }
        for (SemaphoreSet set : source.semaphoreSets()) {
            add(all, set(set));
        }
        for (MessageQueue queue : source.messageQueues()) {
            add(all, queue(queue));
        }
        all.addAll(posix());
        return all;
    }

    private static void add(List<UsedObject> all, UsedObject object) {
        if (object.inUse()) {
            all.add(object);
        }
    }

    UsedObject segment(SharedMemorySegment segment) {
        int id = segment.id();
        OptionalLong key = OptionalLong.of(segment.key());
        if (segment.key() == 0 && users.creationKey(id).isPresent()) {
            key = users.creationKey(id); // ipcs shows key 0 once removed; the mapping's name keeps the key
        }
        List<Recorded> recorded = List.of(
                recorded("creator", segment.creatorPid(), segment.changeTime()),
                recorded("last shmat/shmdt", segment.lastPid(),
                        Operators.latest(segment.attachTime(), segment.detachTime())));
        return new UsedObject(Kind.SEGMENT, OptionalLong.of(id), key, null, segment.markedForDestruction(),
                OptionalLong.of(segment.attachCount()), users(users.onSegment(id)), recorded);
    }

    UsedObject queue(MessageQueue queue) {
        List<Recorded> recorded = List.of(
                recorded("last sender", queue.lastSendPid(), queue.sendTime()),
                recorded("last receiver", queue.lastReceivePid(), queue.receiveTime()));
        return new UsedObject(Kind.QUEUE, OptionalLong.of(queue.id()), OptionalLong.of(queue.key()), null, false,
                OptionalLong.empty(), users(users.onQueue(queue.id())), recorded);
    }

    /** Each semaphore's last operator (sempid) is read with semctl: it needs read permission on the set. */
    UsedObject set(SemaphoreSet set) {
        List<Recorded> recorded = new ArrayList<>();
        try {
            // SETVAL and SETALL record the pid too, and move the change time, not the operation time
            OptionalLong when = Operators.latest(set.operationTime(), set.changeTime());
            for (Semaphore semaphore : SystemVCalls.semaphores(set.id(), set.count())) {
                recorded.add(new Recorded("last operator", semaphore.number(), semaphore.lastPid(),
                        operators.state(semaphore.lastPid(), when)));
            }
        } catch (NativeCallException unreadable) {
            // removed meanwhile, or not ours to read: no recorded pids to show
        }
        return new UsedObject(Kind.SEMAPHORE_SET, OptionalLong.of(set.id()), OptionalLong.of(set.key()), null,
                false, OptionalLong.empty(), users(users.onSet(set.id())), recorded);
    }

    private Recorded recorded(String role, int pid, OptionalLong when) {
        return new Recorded(role, -1, pid, operators.state(pid, when));
    }

    // ---- POSIX ----

    /** Every POSIX file some process maps, opens or waits on, named where it still has a name. */
    private List<UsedObject> posix() {
        Map<FileId, PosixIpcFiles.Entry> named = new HashMap<>();
        for (PosixResource resource : PosixResource.values()) {
            try {
                for (PosixIpcFiles.Entry entry : posixFiles.list(resource)) {
                    named.put(entry.file(), entry);
                }
            } catch (IOException unreadable) {
                // nothing mounted there, or not ours to list: the objects show by their paths
            }
        }
        List<UsedObject> objects = new ArrayList<>();
        for (FileId file : users.fileIds()) {
            PosixIpcFiles.Entry entry = named.get(file);
            objects.add(entry != null ? posix(entry) : unnamed(file));
        }
        objects.sort(Comparator.comparing((UsedObject object) -> object.kind()).thenComparing(UsedObject::name));
        return objects;
    }

    UsedObject posix(PosixIpcFiles.Entry entry) {
        Kind kind = switch (entry.resource()) {
            case SHARED_MEMORY -> Kind.POSIX_SHM;
            case SEMAPHORES -> Kind.POSIX_SEMAPHORE;
            case MESSAGE_QUEUES -> Kind.POSIX_QUEUE;
        };
        List<Recorded> recorded = new ArrayList<>();
        if (kind == Kind.POSIX_QUEUE) {
            // reading the queue's file is the only way to its NOTIFY_PID; it sets the queue's atime and ctime
            OptionalInt notify = posixFiles.notifyPid(entry.name());
            if (notify.isPresent() && notify.getAsInt() > 0) {
                recorded.add(recorded("notify", notify.getAsInt(), OptionalLong.empty()));
            }
        }
        return new UsedObject(kind, OptionalLong.empty(), OptionalLong.empty(), entry.name(), false,
                OptionalLong.empty(), users(users.onFile(entry.file())), recorded);
    }

    /** A file unlinked while mapped or open: the path its users see tells a semaphore (sem.*) from memory. */
    private UsedObject unnamed(FileId file) {
        List<IpcUsers.Use> uses = users.onFile(file);
        String path = uses.stream().map(IpcUsers.Use::path).filter(p -> p != null).findFirst().orElse("?");
        Kind kind = file.device() == users.mqueueDevice() ? Kind.POSIX_QUEUE
                : path.substring(path.lastIndexOf('/') + 1).startsWith("sem.") ? Kind.POSIX_SEMAPHORE
                : Kind.POSIX_SHM;
        return new UsedObject(kind, OptionalLong.empty(), OptionalLong.empty(), path, true, OptionalLong.empty(),
                users(uses), List.of());
    }

    private List<User> users(List<IpcUsers.Use> uses) {
        List<User> list = new ArrayList<>(uses.size());
        for (IpcUsers.Use use : uses) {
            long uid = users.process(use.pid()).map(IpcUsers.Process::uid).orElse(-1L);
            String name = uid < 0 ? "?" : directory.userName(uid).orElse(Long.toString(uid));
            list.add(new User(use, uid, name, commands.computeIfAbsent(use.pid(), users::commandLine)));
        }
        list.sort(Comparator.comparingInt((User user) -> user.use().pid()).thenComparing(user -> user.use().role()));
        return list;
    }

    // ---- one object ----

    /** The first object of the kind that is wanted, with its users; a failure naming it when there is none. */
    UsedObject object(SystemVKind kind, Predicate<SystemVObject> wanted, String otherwise) {
        List<? extends SystemVObject> objects = switch (kind) {
            case QUEUE -> source.messageQueues();
            case SEGMENT -> source.sharedMemorySegments();
            case SEMAPHORE_SET -> source.semaphoreSets();
        };
        for (SystemVObject object : objects) {
            if (wanted.test(object)) {
                if (object instanceof MessageQueue queue) {
                    return queue(queue);
                }
                return object instanceof SharedMemorySegment segment ? segment(segment) : set((SemaphoreSet) object);
            }
        }
        throw IpcException.failure(otherwise);
    }

    SystemVSource source() {
        return source;
    }

    PosixIpcFiles posixFiles() {
        return posixFiles;
    }
}

// Carries out a checked `ipc rm` request: each removal in order, each failure reported in ipcrm's words.
package dev.ipc.rm;

import dev.ipc.cli.RunContext;
import dev.ipc.model.IpcOwnership;
import dev.ipc.model.PosixResource;
import dev.ipc.model.SystemVKind;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.IpcUsers;
import dev.ipc.procfs.PosixIpcFiles;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.rm.RmRequest.ById;
import dev.ipc.rm.RmRequest.ByKey;
import dev.ipc.rm.RmRequest.ByName;
import dev.ipc.rm.RmRequest.Listed;
import dev.ipc.rm.RmRequest.Target;
import dev.ipc.state.Orphans;
import dev.ipc.state.SystemVSource;
import dev.ipc.libc.Errno;
import dev.ipc.libc.Native;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.PosixIpc;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.libc.SystemVLifecycle;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Like ipcrm, a removal that fails (no such id, no permission) is reported on stderr and the rest go on; the
 * exit code is then 1. -v lines and --dry-run lines go to stdout. An object --all listed that is gone when its
 * turn comes (another process removed it) is reported in one line and is no failure: it is gone, as asked. One
 * that is no longer the object listed (its id reused by a new object, or changed with IPC_SET) is left alone,
 * also in one line: the filters chose the object listed, not whatever holds its id now.
 */
final class Remover {
    private final RmRequest request;
    private final PrintWriter out;
    private final RunContext context;
    private final SystemPaths paths;
    private final PosixIpcFiles posixFiles;
    private final long now = System.currentTimeMillis() / 1000;
    private int failures;
    /** For --dry-run: who we are, and the objects as /proc lists them, by kind and id (read once per kind). */
    private int effectiveUid = -1;
    private SystemVSource listing;
    private final Map<SystemVKind, Map<Integer, SystemVObject>> listed = new EnumMap<>(SystemVKind.class);
    /** Why --orphans chose each listed object, for --dry-run's lines. */
    private final Map<SystemVObject, String> reasons = new IdentityHashMap<>();
    /** The reason of the listed object being removed now, or null. */
    private String reason;
    /** --orphans' decision and the users of what is removed by name, from one scan of /proc per run. */
    private final Orphans orphans;

    Remover(RmRequest request, RunContext context) {
        this.request = request;
        this.context = context;
        this.out = context.out();
        this.paths = context.paths();
        this.posixFiles = new PosixIpcFiles(paths);
        this.orphans = new Orphans(paths);
    }

    /** Removes everything asked for; returns the number of failures. */
    int run() {
        for (Target target : request.targets()) {
            if (target instanceof ById byId && byId.resource() == SystemVKind.QUEUE
                    || target instanceof ByKey byKey && byKey.resource() == SystemVKind.QUEUE) {
                orphans.scanQueueWaitersAhead();
                break;
            }
        }
        remove(request.targets(), false);
        List<Target> listed = listAll();
        // no lambdas on the way of a removal by id: each links the JVM's lambda machinery at run time, as the
        // class-data archive's training removes nothing
        Optional<String> doubts = orphans.doubts();
        if (doubts.isPresent()) {
            out.flush();
            context.warning(doubts.get());
            context.err().flush();
        }
        remove(listed, true);
        if (request.legacy() && failures == 0 && !request.dryRun()) {
            out.println("resource(s) deleted");
        }
        out.flush();
        return failures;
    }

    /** Removals that failed so far. */
    int failures() {
        return failures;
    }

    /**
     * Removes each target in order. listed: they come from --all's listing, so one that is gone by now was
     * removed by another process meanwhile, which is reported but is no failure.
     */
    void remove(List<Target> targets, boolean listed) {
        for (Target target : targets) {
            if (target instanceof ById byId) {
                removeId(byId.resource(), byId.id(), false, listed);
            } else if (target instanceof ByKey byKey) {
                removeKey(byKey);
            } else if (target instanceof ByName byName) {
                removeName(byName.resource(), byName.name(), listed);
            } else if (target instanceof Listed object) {
                removeListed(object.resource(), object.object());
            }
        }
    }

    /**
     * What --all chooses, all listed before any is removed, in ipcrm's order with util-linux 2.41's POSIX kinds
     * after their System V kin.
     */
    List<Target> listAll() {
        List<Target> targets = new ArrayList<>();
        listAll(SystemVKind.SEGMENT, targets);
        listAll(PosixResource.SHARED_MEMORY, targets);
        listAll(SystemVKind.SEMAPHORE_SET, targets);
        listAll(PosixResource.SEMAPHORES, targets);
        listAll(SystemVKind.QUEUE, targets);
        listAll(PosixResource.MESSAGE_QUEUES, targets);
        return targets;
    }

    // ---- System V ----

    /**
     * byKey: the id was found by a key; ipcrm then words its messages for keys, but with the id in the
     * parentheses. listed: the id came from --all's listing.
     */
    private void removeId(SystemVKind resource, int id, boolean byKey, boolean listed) {
        announce(resource.ipcrmNoun() + " id `" + id + "'");
        // named by the user: removed as ipcrm removes it, but not without saying who was using it
        Optional<String> users = Optional.empty();
        if (!listed) {
            SystemVObject object = listed(resource).get(id);
            users = object == null ? Optional.empty() : orphans.users(object);
        }
        int errno = request.dryRun() ? predict(resource, id) : removeErrno(resource, id);
        if (errno == 0) {
            if (users.isPresent()) {
                inUse(resource.noun() + " " + id, users.get());
            }
            return;
        }
        if (listed && (errno == Errno.EINVAL || errno == Errno.EIDRM)) {
            note(resource.ipcrmNoun() + " id " + id + " was removed by another process meanwhile");
            return;
        }
        String on = byKey ? "key" : "id";
        fail(switch (errno) {
            case Errno.EACCES, Errno.EPERM -> "permission denied for " + on + " (" + id + ")";
            case Errno.EINVAL -> "invalid " + on + " (" + id + ")";
            case Errno.EIDRM -> "already removed " + on + " (" + id + ")";
            default -> on + " failed: " + Native.describe(errno);
        });
    }

    /** IPC_RMID; 0 when it succeeded, else its errno (called directly: a lambda is linked at start-up). */
    private static int removeErrno(SystemVKind resource, int id) {
        try {
            SystemVLifecycle.remove(resource, id);
            return 0;
        } catch (NativeCallException e) {
            return e.errno();
        }
    }

    /** Runs the call; 0 when it succeeded, else its errno. */
    private static int errno(Runnable call) {
        try {
            call.run();
            return 0;
        } catch (NativeCallException e) {
            return e.errno();
        }
    }

    private void removeKey(ByKey target) {
        int id;
        try {
            id = SystemVLifecycle.get(target.resource(), target.key(), 0, 0);
        } catch (NativeCallException e) {
            fail(switch (e.errno()) {
                case Errno.EACCES -> "permission denied for key (" + target.text() + ")";
                case Errno.EIDRM -> "already removed key (" + target.text() + ")";
                case Errno.ENOENT -> "invalid key (" + target.text() + ")";
                default -> "key failed: " + e.description();
            });
            return;
        }
        removeId(target.resource(), id, true, false);
    }

    private void listAll(SystemVKind resource, List<Target> targets) {
        if (!request.systemVAll().contains(resource)) {
            return;
        }
        // the objects we may read, as ipcrm -a lists them (*_STAT): others' unreadable objects are not ours
        List<? extends SystemVObject> objects = switch (resource) {
            case SEGMENT -> SystemVCalls.sharedMemorySegments(false);
            case QUEUE -> SystemVCalls.messageQueues(false);
            case SEMAPHORE_SET -> SystemVCalls.semaphoreSets(false);
        };
        AllFilter filter = request.filter();
        for (SystemVObject object : objects) {
            if (!filter.accepts(object.owner().uid(), object.changeTime(), now)) {
                continue;
            }
            String described = resource.ipcrmNoun() + " id `" + object.id() + "'";
            String protecting = filter.protection().protecting(object);
            if (protecting != null) {
                keep(described, "protected by " + protecting);
                continue;
            }
            if (filter.orphans()) {
                Orphans.Verdict verdict = orphans.verdict(object);
                if (!verdict.orphan()) {
                    keep(described, verdict.reason());
                    continue;
                }
                reasons.put(object, verdict.reason());
            }
            targets.add(new Listed(resource, object));
        }
    }

    /** --dry-run says what --all leaves, and why. */
    private void keep(String described, String why) {
        if (request.dryRun()) {
            out.println("would keep " + described + ": " + why);
        }
    }

    /** Re-reads the object right before IPC_RMID: an id freed and handed to a new object is not what was chosen. */
    private void removeListed(SystemVKind resource, SystemVObject listed) {
        int id = listed.id();
        Optional<? extends SystemVObject> current;
        try {
            current = SystemVCalls.object(resource, id);
        } catch (NativeCallException e) {
            if (e.errno() == Errno.EACCES) {
                changed(resource, id); // readable when listed: only IPC_SET or a new object takes that away
            } else {
                fail(resource.ipcrmNoun() + " id " + id + ": " + e.description());
            }
            return;
        }
        if (current.isEmpty()) {
            note(resource.ipcrmNoun() + " id " + id + " was removed by another process meanwhile");
        } else if (!sameObject(listed, current.get())) {
            changed(resource, id);
        } else {
            reason = reasons.get(listed);
            removeId(resource, id, false, true);
            reason = null;
        }
    }

    /**
     * Whether the object read now is the one listed: the same id, key and change time. The change time moves
     * with IPC_SET (and a set's SETVAL, SETALL), and a new object holding a reused id was made later.
     */
    static boolean sameObject(SystemVObject listed, SystemVObject current) {
        return listed.id() == current.id() && listed.key() == current.key()
                && listed.changeTime().equals(current.changeTime());
    }

    private void changed(SystemVKind resource, int id) {
        note(resource.ipcrmNoun() + " id " + id + " changed since it was listed; left alone");
    }

    /** What IPC_RMID would answer: EINVAL for no such id, EPERM unless we own or created it (or are root). */
    private int predict(SystemVKind resource, int id) {
        SystemVObject object = listed(resource).get(id);
        if (object == null) {
            return Errno.EINVAL;
        }
        IpcOwnership owner = object.owner();
        long uid = effectiveUid();
        return uid == 0 || uid == owner.uid() || uid == owner.creatorUid() ? 0 : Errno.EPERM;
    }

    /** The objects of the kind as /proc lists them, by id: one read per kind and run, not one per object. */
    private Map<Integer, SystemVObject> listed(SystemVKind resource) {
        Map<Integer, SystemVObject> known = listed.get(resource);
        if (known == null) {
            if (listing == null) {
                listing = new SystemVSource(paths);
            }
            List<? extends SystemVObject> objects = switch (resource) {
                case SEGMENT -> listing.sharedMemorySegments();
                case QUEUE -> listing.messageQueues();
                case SEMAPHORE_SET -> listing.semaphoreSets();
            };
            known = new HashMap<>();
            for (SystemVObject object : objects) {
                known.put(object.id(), object);
            }
            listed.put(resource, known);
        }
        return known;
    }

    private long effectiveUid() {
        if (effectiveUid < 0) {
            effectiveUid = SystemVLifecycle.effectiveUid();
        }
        return Integer.toUnsignedLong(effectiveUid);
    }

    // ---- POSIX ----

    private void removeName(PosixResource resource, String name, boolean listed) {
        announce(resource.description() + " `" + name + "'");
        Optional<String> users = listed ? Optional.empty() : users(resource, name);
        int errno = request.dryRun() ? predict(resource, name)
                : errno(() -> PosixIpc.unlink(resource, name));
        if (errno == 0) {
            users.ifPresent(who -> inUse(resource.description() + " " + name, who));
            return;
        }
        if (listed && errno == Errno.ENOENT) {
            note(resource.description() + " " + name + " was removed by another process meanwhile");
            return;
        }
        fail(switch (errno) {
            case Errno.EACCES, Errno.EPERM -> "permission denied for name `" + name + "'";
            case Errno.ENOENT -> "name `" + name + "' not found";
            case Errno.ENAMETOOLONG -> "name `" + name + "' too long";
            default -> "name failed: " + Native.describe(errno);
        });
    }

    /** The processes that map, open or wait on the named POSIX object: "812 mapped, 812 waiting". */
    private Optional<String> users(PosixResource resource, String name) {
        try {
            Optional<PosixIpcFiles.Entry> entry;
            try {
                entry = posixFiles.find(resource, name);
            } catch (java.nio.file.InvalidPathException unnamable) {
                return Optional.empty(); // no file of ours has that name; unlink answers as ipcrm's does
            }
            if (entry.isEmpty()) {
                return Optional.empty();
            }
            List<String> uses = new ArrayList<>();
            for (IpcUsers.Use use : orphans.users().onFile(entry.get().file())) {
                uses.add(use.pid() + " " + use.role().word());
            }
            return uses.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", uses));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    /** One line on stderr: the removal goes on, as ipcrm's would, but the user learns whom it affects. */
    private void inUse(String object, String users) {
        out.flush();
        context.warning(object + (request.dryRun() ? " is in use: " : " was in use: ") + users);
        context.err().flush();
    }

    private void listAll(PosixResource resource, List<Target> targets) {
        if (!request.posixAll().contains(resource)) {
            return;
        }
        Path directory = posixFiles.directory(resource);
        if (!Files.isDirectory(directory)) {
            note(directory + " does not seem to be mounted. Use 'mount -t "
                    + (resource == PosixResource.MESSAGE_QUEUES ? "mqueue none " : "tmpfs none ")
                    + directory + "' to mount it.");
            return;
        }
        List<PosixIpcFiles.Entry> entries;
        try {
            entries = posixFiles.list(resource);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (PosixIpcFiles.Entry entry : entries) {
            if (request.filter().accepts(entry.uid(), OptionalLong.of(entry.changeTime()), now)) {
                String protecting = request.filter().protection().protecting(entry.name());
                if (protecting != null) {
                    keep(resource.description() + " `" + entry.name() + "'", "protected by " + protecting);
                } else {
                    targets.add(new ByName(resource, entry.name()));
                }
            }
        }
    }

    /**
     * What unlink would answer: ENOENT when there is no file, EACCES when the directory does not let us
     * (unlink in a sticky directory such as /dev/shm needs owning the file or the directory).
     */
    private int predict(PosixResource resource, String name) {
        Path directory = posixFiles.directory(resource);
        if (resource == PosixResource.MESSAGE_QUEUES && !Files.isDirectory(directory)) {
            // no mqueue mount to look at: ask mq_open whether the queue exists; who may unlink it stays unknown
            return PosixIpc.messageQueueExists(name) ? 0 : Errno.ENOENT;
        }
        try {
            Optional<PosixIpcFiles.Entry> entry = posixFiles.find(resource, name);
            if (entry.isEmpty()) {
                return Errno.ENOENT;
            }
            long uid = effectiveUid();
            if (uid == 0) {
                return 0;
            }
            Map<String, Object> stat = Files.readAttributes(directory, "unix:uid,mode");
            boolean sticky = ((Integer) stat.get("mode") & 01000) != 0;
            boolean mayWrite = Files.isWritable(directory);
            boolean owns = entry.get().uid() == uid || Integer.toUnsignedLong((Integer) stat.get("uid")) == uid;
            return mayWrite && (!sticky || owns) ? 0 : Errno.EACCES;
        } catch (IOException e) {
            return Errno.ENOENT;
        }
    }

    // ---- reporting ----

    /**
     * -v's line before each removal ("removing message queue id `3'"); --dry-run's instead of it, with why
     * --orphans chose the object.
     */
    private void announce(String object) {
        String why = reason == null ? "" : ": " + reason;
        if (request.dryRun()) {
            out.println("would remove " + object + why);
        } else if (request.verbose()) {
            out.println("removing " + object + why);
        }
    }

    private void fail(String message) {
        failures++;
        note(message);
    }

    private void note(String message) {
        out.flush();
        context.error(message);
        context.err().flush();
    }
}

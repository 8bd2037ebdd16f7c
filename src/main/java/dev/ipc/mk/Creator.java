// Creates what an `ipc mk` request names, in ipcmk's order, and removes it all again if any creation fails.
package dev.ipc.mk;

import dev.ipc.cli.IpcException;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.PosixResource;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.model.SystemVObject;
import dev.ipc.procfs.PosixIpcFiles;
import dev.ipc.procfs.ProcFile;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.render.TextBuffer;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.PosixIpc;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.libc.SystemVLifecycle;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;

import static dev.ipc.libc.IpcConstants.IPC_CREAT;
import static dev.ipc.libc.IpcConstants.IPC_EXCL;
import static dev.ipc.libc.IpcConstants.IPC_PRIVATE;

/**
 * ipcmk stops at the first failure and leaves what it made before (ipcmk -M 10 -S 0 keeps the segment); here a
 * failure removes every object this run created, so a command either does all it was asked or nothing. Objects
 * that existed before and were reused are never removed.
 *
 * ipcmk also draws a random key and creates with IPC_CREAT alone, so a key that happens to exist silently
 * hands back someone else's object; random keys here are created with IPC_EXCL and drawn again on collision.
 */
final class Creator {
    private static final int RANDOM_KEY_ATTEMPTS = 128;
    /** Linux's defaults for fs.mqueue.msg_default and msgsize_default, when /proc cannot say. */
    private static final long DEFAULT_MAX_MESSAGES = 10;
    private static final long DEFAULT_MESSAGE_SIZE = 8192;

    private final MkRequest request;
    private final SystemPaths paths;
    private final List<MkObject> made = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** How to remove each object this run created, in creation order. */
    private final List<Runnable> undo = new ArrayList<>();

    Creator(MkRequest request, SystemPaths paths) {
        this.request = request;
        this.paths = paths;
    }

    /** Lines for stderr about objects that existed and were reused, and about a failed roll-back. */
    List<String> notes() {
        return notes;
    }

    List<MkObject> createAll() {
        try {
            // if statements, not ifPresent: a lambda would be linked at start-up for one call
            if (request.sharedMemorySize().isPresent()) {
                systemV(SystemVKind.SEGMENT, request.sharedMemorySize().getAsLong());
            }
            if (request.posixSharedMemorySize().isPresent()) {
                posixSharedMemory(request.posixSharedMemorySize().getAsLong());
            }
            if (request.queue()) {
                systemV(SystemVKind.QUEUE, 0);
            }
            if (request.posixQueue()) {
                posixQueue();
            }
            if (request.semaphores().isPresent()) {
                systemV(SystemVKind.SEMAPHORE_SET, request.semaphores().getAsInt());
            }
            if (request.posixSemaphoreValue().isPresent()) {
                posixSemaphore(request.posixSemaphoreValue().getAsInt());
            }
        } catch (RuntimeException failure) {
            rollBack();
            throw failure;
        }
        return made;
    }

    // ---- System V ----

    private void systemV(SystemVKind resource, long size) {
        String failed = switch (resource) {
            case SEGMENT -> "create share memory failed";
            case QUEUE -> "create message queue failed";
            case SEMAPHORE_SET -> "create semaphore failed";
        };
        int mode = request.mode();
        if (request.key().fixed().isEmpty()) {
            for (int attempt = 0; attempt < RANDOM_KEY_ATTEMPTS; attempt++) {
                int key = ThreadLocalRandom.current().nextInt();
                if (key == IPC_PRIVATE) {
                    continue;
                }
                try {
                    created(resource, SystemVLifecycle.get(resource, key, size, IPC_CREAT | IPC_EXCL | mode), key,
                            size);
                    return;
                } catch (NativeCallException e) {
                    if (e.errno() != Errno.EEXIST) {
                        throw failure(failed, e);
                    }
                }
            }
            throw IpcException.failure(failed + ": no free key after " + RANDOM_KEY_ATTEMPTS + " random tries");
        }
        int key = request.key().fixed().getAsInt();
        if (key == IPC_PRIVATE) {
            // key 0 is IPC_PRIVATE: always a new object, reachable by its id only
            try {
                created(resource, SystemVLifecycle.get(resource, key, size, IPC_CREAT | mode), key, size);
                return;
            } catch (NativeCallException e) {
                throw failure(failed, e);
            }
        }
        String context = "key " + TextBuffer.formatKey(key);
        // create, or else use the existing object; loop in case it is removed between the two calls
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                created(resource, SystemVLifecycle.get(resource, key, size, IPC_CREAT | IPC_EXCL | mode), key, size);
                return;
            } catch (NativeCallException e) {
                if (e.errno() != Errno.EEXIST) {
                    throw failure(failed + ": " + context, e);
                }
                if (request.exclusive()) {
                    throw IpcException.failure(failed + ": " + context + ": File exists (--exclusive)");
                }
            }
            try {
                int id = SystemVLifecycle.get(resource, key, size, mode);
                MkObject existing = systemVMade(resource, id, key, size, false);
                made.add(existing);
                notes.add(resource.noun() + " with " + context + " exists already: using it (id " + id + ")");
                return;
            } catch (NativeCallException e) {
                if (e.errno() == Errno.EINVAL && resource != SystemVKind.QUEUE) {
                    throw IpcException.failure(failed + ": " + context + ": " + e.description() + " (the existing "
                            + (resource == SystemVKind.SEGMENT ? "segment" : "set") + " is smaller)");
                }
                if (e.errno() != Errno.ENOENT && e.errno() != Errno.EIDRM) {
                    throw failure(failed + ": " + context, e);
                }
            }
        }
        throw IpcException.failure(failed + ": " + context + ": the object kept disappearing");
    }

    private void created(SystemVKind resource, int id, int key, long size) {
        undo.add(new SystemVRemoval(resource, id));
        made.add(systemVMade(resource, id, key, size, true));
    }

    /** The roll-back of one System V creation (a class of its own rather than a lambda, linked at start-up). */
    private record SystemVRemoval(SystemVKind resource, int id) implements Runnable {
        @Override
        public void run() {
            SystemVLifecycle.remove(resource, id);
        }
    }

    /** What the kernel holds for the object: read back with IPC_STAT, or as asked when that is refused. */
    private MkObject systemVMade(SystemVKind resource, int id, int key, long size, boolean created) {
        Optional<? extends SystemVObject> object;
        try {
            object = SystemVCalls.object(resource, id);
        } catch (NativeCallException refused) {
            object = Optional.empty();
        }
        Map<String, Long> figures = new LinkedHashMap<>();
        int mode = object.isPresent() ? object.get().permissions() : request.mode() & 0777;
        if (object.orElse(null) instanceof SharedMemorySegment segment) {
            figures.put("size", segment.size());
        } else if (object.orElse(null) instanceof SemaphoreSet set) {
            figures.put("nsems", (long) set.count());
        } else if (object.orElse(null) instanceof MessageQueue queue && queue.maxBytes().isPresent()) {
            figures.put("qbytes", queue.maxBytes().getAsLong());
        } else if (object.isEmpty() && resource == SystemVKind.SEGMENT && created) {
            figures.put("size", size);
        } else if (object.isEmpty() && resource == SystemVKind.SEMAPHORE_SET && created) {
            figures.put("nsems", size);
        }
        return new MkObject(resource.shortName(), OptionalInt.of(id), null, OptionalInt.of(key), mode, figures, created);
    }

    // ---- POSIX ----

    private void posixSharedMemory(long size) {
        String name = request.name();
        posix(PosixResource.SHARED_MEMORY, "create POSIX shared memory failed",
                () -> PosixIpc.openSharedMemory(name, FileConstants.O_CREAT | FileConstants.O_EXCL, request.mode(), size),
                () -> PosixIpc.openSharedMemory(name, 0, 0, -1),
                figures -> figures.put("size", size));
    }

    private void posixQueue() {
        String name = request.name();
        long maxMessages = request.maxMessages();
        long messageSize = request.messageSize();
        if ((maxMessages == 0) != (messageSize == 0)) {
            // mq_open takes both or neither: the one not given keeps the kernel's default
            if (maxMessages == 0) {
                maxMessages = mqueueSetting("msg_default", DEFAULT_MAX_MESSAGES);
            } else {
                messageSize = mqueueSetting("msgsize_default", DEFAULT_MESSAGE_SIZE);
            }
        }
        long maxmsg = maxMessages;
        long msgsize = messageSize;
        PosixIpc.QueueAttributes[] attributes = new PosixIpc.QueueAttributes[1];
        String failed = "create POSIX message queue failed";
        posix(PosixResource.MESSAGE_QUEUES, failed, () -> {
            try {
                attributes[0] = PosixIpc.openMessageQueue(name, FileConstants.O_CREAT | FileConstants.O_EXCL, request.mode(),
                        maxmsg, msgsize);
            } catch (NativeCallException e) {
                throw e.errno() == Errno.EINVAL ? overLimit(failed, e, maxmsg, msgsize) : e;
            }
        },
                () -> attributes[0] = PosixIpc.openMessageQueue(name, 0, 0, 0, 0),
                figures -> {
                    figures.put("maxmsgs", attributes[0].maxMessages());
                    figures.put("msgsize", attributes[0].messageSize());
                });
    }

    /**
     * EINVAL from mq_open most often means a capacity above fs.mqueue.msg_max or msgsize_max, the limits of a
     * process without CAP_SYS_RESOURCE; the message says so when it is the case.
     */
    private RuntimeException overLimit(String failed, NativeCallException e, long maxMessages, long messageSize) {
        long maxLimit = mqueueSetting("msg_max", Long.MAX_VALUE);
        long sizeLimit = mqueueSetting("msgsize_max", Long.MAX_VALUE);
        List<String> over = new ArrayList<>();
        if (maxMessages > maxLimit) {
            over.add("--maxmsg " + maxMessages + " is above fs.mqueue.msg_max (" + maxLimit + ")");
        }
        if (messageSize > sizeLimit) {
            over.add("--msgsize " + messageSize + " is above fs.mqueue.msgsize_max (" + sizeLimit + ")");
        }
        if (over.isEmpty()) {
            return e;
        }
        return new IpcException(failed + ": " + e.description() + " (" + String.join("; ", over) + ")", 1, e);
    }

    private void posixSemaphore(int value) {
        String name = request.name();
        posix(PosixResource.SEMAPHORES, "create POSIX semaphore failed",
                () -> PosixIpc.openSemaphore(name, FileConstants.O_CREAT | FileConstants.O_EXCL, request.mode(), value),
                () -> PosixIpc.openSemaphore(name, 0, 0, 0),
                figures -> figures.put("sval", (long) value));
    }

    private interface Figures {
        void add(Map<String, Long> figures);
    }

    /**
     * Creates with O_EXCL; when the name exists, fails under --exclusive and otherwise opens the existing object
     * (to check it may be used) and leaves it as it is: util-linux 2.41 would truncate an existing shared memory
     * object to the new size under whoever uses it.
     *
     * The mode is applied exactly, as for System V objects, rather than through the umask: -p 0666 means 0666.
     */
    private void posix(PosixResource resource, String failed, Runnable create, Runnable openExisting,
                       Figures figures) {
        String name = request.name();
        int umask = PosixIpc.umask(0);
        try {
            try {
                create.run();
                undo.add(() -> PosixIpc.unlink(resource, name));
                Map<String, Long> created = new LinkedHashMap<>();
                figures.add(created);
                made.add(new MkObject(resource.shortName(), OptionalInt.empty(), name, OptionalInt.empty(),
                        request.mode(), created, true));
                return;
            } catch (NativeCallException e) {
                if (e.errno() != Errno.EEXIST) {
                    throw failure(failed, e);
                }
                if (request.exclusive()) {
                    throw IpcException.failure(failed + ": " + name + ": File exists (--exclusive)");
                }
            }
            try {
                openExisting.run();
            } catch (NativeCallException e) {
                throw failure(failed + ": " + name, e);
            }
        } finally {
            PosixIpc.umask(umask);
        }
        Map<String, Long> existing = new LinkedHashMap<>();
        int mode = request.mode();
        if (resource == PosixResource.MESSAGE_QUEUES) {
            figures.add(existing);
        }
        try {
            Map<String, Object> stat = Files.readAttributes(new PosixIpcFiles(paths).file(resource, name), "unix:mode,size");
            mode = (Integer) stat.get("mode") & 07777;
            if (resource == PosixResource.SHARED_MEMORY) {
                existing.put("size", (Long) stat.get("size"));
            }
        } catch (IOException | RuntimeException unreadable) {
            // the figures stay out; the object is still reported
        }
        made.add(new MkObject(resource.shortName(), OptionalInt.empty(), name, OptionalInt.empty(), mode, existing,
                false));
        notes.add(resource.description() + " " + name + " exists already: using it as it is");
    }

    /** A number from /proc/sys/fs/mqueue, or fallback when it cannot be read. */
    private long mqueueSetting(String file, long fallback) {
        try {
            return Long.parseLong(ProcFile.readText(paths.mqueueSysctl().resolve(file)).trim());
        } catch (IOException | NumberFormatException e) {
            return fallback;
        }
    }

    // ---- failure ----

    private static IpcException failure(String message, NativeCallException cause) {
        return new IpcException(message + ": " + cause.description(), 1, cause);
    }

    /** Removes what this run created, newest first; reused objects were never on the list. */
    private void rollBack() {
        for (int i = undo.size() - 1; i >= 0; i--) {
            try {
                undo.get(i).run();
            } catch (NativeCallException e) {
                notes.add("could not remove an object created before the failure: " + e.getMessage());
            }
        }
        undo.clear();
        made.clear();
    }
}

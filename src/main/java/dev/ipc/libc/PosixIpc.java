// POSIX shared memory, message queues and named semaphores: open or create, and unlink by name.
package dev.ipc.libc;

import dev.ipc.model.PosixResource;

import static dev.ipc.libc.Layouts.MQ_ATTR_SIZE;
import static dev.ipc.libc.Layouts.MQ_MAXMSG;
import static dev.ipc.libc.Layouts.MQ_MSGSIZE;

/** Failures throw {@link NativeCallException} with the call's name and errno. */
public final class PosixIpc {
    private PosixIpc() {
    }

    /** A queue's capacity as mq_getattr reports it. */
    public record QueueAttributes(long maxMessages, long messageSize) {
    }

    /**
     * shm_open(name, FileConstants.O_RDWR | flags, mode), then, when size is not negative, ftruncate to size. An object this
     * call created (O_EXCL) is unlinked again when it cannot be sized, so a failure leaves nothing behind.
     */
    public static void openSharedMemory(String name, int flags, int mode, long size) {
        LibC library = Native.libc();
        int fd = library.shm_open(name, FileConstants.O_RDWR | flags, mode);
        if (fd < 0) {
            throw Native.failure("shm_open");
        }
        if (size >= 0 && library.ftruncate(fd, size) != 0) {
            NativeCallException failure = Native.failure("ftruncate");
            library.close(fd);
            if ((flags & FileConstants.O_EXCL) != 0) {
                library.shm_unlink(name);
            }
            throw failure;
        }
        library.close(fd);
    }

    /**
     * mq_open(name, FileConstants.O_RDWR | flags, mode, attributes), then mq_getattr. maxMessages and messageSize set the
     * capacity of a new queue; 0 for both lets the kernel choose (fs.mqueue.msg_default and msgsize_default).
     */
    public static QueueAttributes openMessageQueue(String name, int flags, int mode, long maxMessages,
                                                   long messageSize) {
        LibC library = Native.libc();
        Pointer attributes = Native.allocate(MQ_ATTR_SIZE);
        attributes.putLong(MQ_MAXMSG, maxMessages);
        attributes.putLong(MQ_MSGSIZE, messageSize);
        boolean defaults = maxMessages == 0 && messageSize == 0;
        int queue = library.mq_open(name, FileConstants.O_RDWR | flags, mode, defaults ? null : attributes);
        if (queue < 0) {
            throw Native.failure("mq_open");
        }
        try {
            if (library.mq_getattr(queue, attributes) != 0) {
                throw Native.failure("mq_getattr");
            }
            return new QueueAttributes(attributes.getLong(MQ_MAXMSG), attributes.getLong(MQ_MSGSIZE));
        } finally {
            library.mq_close(queue);
        }
    }

    /** Whether the queue exists: mq_open(name, O_RDONLY) finds it, or finds it and refuses us (EACCES). */
    public static boolean messageQueueExists(String name) {
        LibC library = Native.libc();
        int queue = library.mq_open(name, FileConstants.O_RDONLY);
        if (queue >= 0) {
            library.mq_close(queue);
            return true;
        }
        return Native.errno() != Errno.ENOENT;
    }

    /** sem_open(name, flags, mode, value), then sem_close: the semaphore stays until it is unlinked. */
    public static void openSemaphore(String name, int flags, int mode, int value) {
        LibC library = Native.libc();
        Pointer semaphore = library.sem_open(name, flags, mode, value);
        if (semaphore == null) {
            throw Native.failure("sem_open");
        }
        library.sem_close(semaphore);
    }

    /** shm_unlink, mq_unlink or sem_unlink. */
    public static void unlink(PosixResource resource, String name) {
        LibC library = Native.libc();
        int result = switch (resource) {
            case SHARED_MEMORY -> library.shm_unlink(name);
            case MESSAGE_QUEUES -> library.mq_unlink(name);
            case SEMAPHORES -> library.sem_unlink(name);
        };
        if (result != 0) {
            throw Native.failure(switch (resource) {
                case SHARED_MEMORY -> "shm_unlink";
                case MESSAGE_QUEUES -> "mq_unlink";
                case SEMAPHORES -> "sem_unlink";
            });
        }
    }

    /** umask(2): sets the mask and returns the previous one. */
    public static int umask(int mask) {
        return Native.libc().umask(mask);
    }
}

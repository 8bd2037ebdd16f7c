// A client of the FIFO server: its own reply FIFO, made fresh and held open for reading, and the server's FIFO
// opened for writing; one request out, one reply line back, each bounded by a deadline.
package dev.ipc.fifo;

import dev.ipc.cli.Durations;
import dev.ipc.cli.IpcException;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileStatus;
import dev.ipc.libc.Layouts;
import dev.ipc.libc.LibC;
import dev.ipc.libc.Native;
import dev.ipc.libc.Pointer;
import dev.ipc.util.ShutdownHooks;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.ipc.libc.FileConstants.*;

/**
 * The reply FIFO is open (read-write, so it never reads end of file between replies) before the first request
 * leaves, so the server's non-blocking open always finds a reader. A FIFO already there under our name is never
 * reused: someone may hold it open to read our replies or write false ones. It is removed on close, and by a
 * shutdown hook when the JVM ends first (Ctrl-C, SIGTERM).
 */
final class ClientFifo implements AutoCloseable {
    private final LibC libc = Native.libc();
    private final FifoDirectory directory;
    private final int pid;
    private final String name;
    private final int serverFd;
    private final int replyFd;
    private final Pointer poll = Native.allocate(Layouts.POLLFD_SIZE);
    private final ByteBuffer replyArea = ByteBuffer.allocateDirect(FifoProtocol.MAX_REPLY);
    private final Pointer replyPointer = Pointer.wrap(replyArea);
    private final ByteBuffer requestArea = ByteBuffer.allocateDirect(FifoProtocol.MAX_REQUEST);
    private final Pointer requestPointer = Pointer.wrap(requestArea);
    private final byte[] line = new byte[FifoProtocol.MAX_REPLY];
    /** Bytes of replyArea read but not yet returned (after a line's newline). */
    private int buffered;
    private final OwnFifo own;
    /** How long we waited, for the message when it was not long enough. */
    private String patience = "in time";

    private ClientFifo(FifoDirectory directory, int pid, String name, int serverFd, int replyFd, OwnFifo own) {
        this.directory = directory;
        this.pid = pid;
        this.name = name;
        this.serverFd = serverFd;
        this.replyFd = replyFd;
        this.own = own;
    }

    /** Connects to the server in dir: checks the folder, opens server.fifo, makes and opens our own FIFO. */
    static ClientFifo connect(Path dir, boolean shared) {
        FifoDirectory directory = FifoDirectory.forClient(dir, shared);
        LibC libc = Native.libc();
        int serverFd = -1;
        OwnFifo own = null;
        try {
            serverFd = openServer(directory);
            int pid = libc.getpid();
            String name = FifoProtocol.clientFifo(pid);
            int mode = shared ? FifoProtocol.SHARED_FIFO_MODE : FifoProtocol.PRIVATE_FIFO_MODE;
            // The removal is in place before the FIFO exists: a signal at any moment after leaves nothing behind.
            own = new OwnFifo(directory, name);
            int replyFd = makeOwnFifo(directory, name, mode, own);
            return new ClientFifo(directory, pid, name, serverFd, replyFd, own);
        } catch (RuntimeException e) {
            if (own != null) {
                own.close();
            }
            if (serverFd >= 0) {
                libc.close(serverFd);
            }
            directory.close();
            throw e;
        }
    }

    /** Non-blocking, so that a FIFO nobody reads fails at once (ENXIO) instead of hanging. */
    private static int openServer(FifoDirectory directory) {
        LibC libc = Native.libc();
        String path = directory.describe(FifoProtocol.SERVER_FIFO);
        int fd = libc.openat(directory.fd(), FifoProtocol.SERVER_FIFO, O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0);
        if (fd < 0) {
            int errno = Native.errno();
            if (errno == Errno.ENOENT) {
                throw IpcException.failure("no server: " + path + " does not exist (start one with 'ipc fifo serve')");
            }
            if (errno == Errno.ENXIO) {
                throw IpcException.failure("no server: nobody reads " + path + " (left by a server that is gone?)");
            }
            if (errno == Errno.ELOOP) {
                throw IpcException.failure(path + " is a symbolic link; refusing to follow it");
            }
            throw IpcException.failure("cannot open " + path + ": " + Native.describe(errno));
        }
        FileStatus status = new FileStatus();
        if (!status.of(fd) || !status.isFifo() || status.uid() != directory.owner()) {
            libc.close(fd);
            throw IpcException.failure(path + " is not a FIFO of the folder's owner; refusing to write to it");
        }
        return fd;
    }

    /**
     * mkfifo, never reusing a FIFO found there; open read-write; fstat that it is the FIFO we made; then the mode
     * exactly, whatever the umask. A FIFO of ours left by a process that had our pid before is removed first.
     */
    private static int makeOwnFifo(FifoDirectory directory, String name, int mode, OwnFifo own) {
        LibC libc = Native.libc();
        String path = directory.describe(name);
        int euid = libc.geteuid();
        FileStatus status = new FileStatus();
        if (libc.mkfifoat(directory.fd(), name, mode) != 0) {
            if (Native.errno() != Errno.EEXIST) {
                throw Native.failure("mkfifo " + path);
            }
            if (!status.of(directory.fd(), name) || !status.isFifo() || status.uid() != euid) {
                throw IpcException.failure(path + " already exists and is not ours (" + (status.isFifo() ? ""
                        : status.typeName() + ", ") + "uid " + Integer.toUnsignedString(status.uid()) + ", mode "
                        + FifoDirectory.octal(status.permissions()) + "); refusing to use it");
            }
            // Ours, but someone may hold it open: a new FIFO, never this one.
            Native.check("unlink " + path, libc.unlinkat(directory.fd(), name, 0));
            Native.check("mkfifo " + path, libc.mkfifoat(directory.fd(), name, mode));
        }
        own.created();
        int fd = libc.openat(directory.fd(), name, O_RDWR | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0);
        if (fd < 0) {
            throw Native.failure("open " + path);
        }
        if (!status.of(fd) || !status.isFifo() || status.uid() != euid || status.links() != 1
                || libc.fchmod(fd, mode) != 0) {
            libc.close(fd);
            throw IpcException.failure(path + " was replaced while we made it; refusing to use it");
        }
        own.opened(status);
        return fd;
    }

    int pid() {
        return pid;
    }

    /** The path of our reply FIFO, for messages. */
    String path() {
        return directory.describe(name);
    }

    /** "<pid> " then the text and a newline, ready in native memory; returns its length. */
    int prepare(String verbAndArgument) {
        byte[] bytes = (pid + " " + verbAndArgument + "\n").getBytes(StandardCharsets.UTF_8);
        if (bytes.length > FifoProtocol.MAX_REQUEST) {
            throw IpcException.usage("request too long: " + bytes.length + " bytes, at most "
                    + FifoProtocol.MAX_REQUEST + " with the pid and the newline");
        }
        requestArea.put(0, bytes);
        return bytes.length;
    }

    /**
     * Sends the prepared request in one write(), which the kernel keeps whole; when the server's FIFO is full,
     * waits for room until the deadline (System.nanoTime()).
     */
    void send(int length, long deadline) {
        while (true) {
            long written = libc.write(serverFd, requestPointer, length);
            if (written == length) {
                return;
            }
            int errno = Native.errno();
            if (written >= 0) {
                throw IpcException.failure("only " + written + " of " + length + " bytes of the request were written");
            }
            if (errno == Errno.EPIPE) {
                throw IpcException.failure("the server went away (nobody reads "
                        + directory.describe(FifoProtocol.SERVER_FIFO) + ")");
            }
            if (errno != Errno.EAGAIN) {
                throw IpcException.failure("write to " + directory.describe(FifoProtocol.SERVER_FIFO) + " failed: "
                        + Native.describe(errno));
            }
            if (!await(serverFd, POLLOUT, deadline)) {
                throw timeout("the server did not take the request");
            }
        }
    }

    /** Waits for one reply line; returns its length without the newline, the bytes in {@link #line()}. */
    int receive(long deadline) {
        while (true) {
            for (int i = 0; i < buffered; i++) {
                if (replyArea.get(i) == '\n') {
                    replyArea.get(0, line, 0, i);
                    // Keep what follows (a reply nobody asked for, normally none) for the next receive.
                    buffered -= i + 1;
                    for (int k = 0; k < buffered; k++) {
                        replyArea.put(k, replyArea.get(i + 1 + k));
                    }
                    return i;
                }
            }
            if (buffered == FifoProtocol.MAX_REPLY) {
                throw IpcException.failure("reply longer than " + FifoProtocol.MAX_REPLY + " bytes");
            }
            if (!await(replyFd, POLLIN, deadline)) {
                throw timeout("no reply");
            }
            Pointer free = buffered == 0 ? replyPointer : replyPointer.slice(buffered);
            long count = libc.read(replyFd, free, FifoProtocol.MAX_REPLY - buffered);
            if (count > 0) {
                buffered += (int) count;
            } else if (count < 0 && Native.errno() != Errno.EAGAIN && Native.errno() != Errno.EINTR) {
                throw Native.failure("read " + path());
            }
        }
    }

    /** The descriptors of server.fifo (written) and of our own FIFO (read), for --diagram. */
    int serverFd() {
        return serverFd;
    }

    int replyFd() {
        return replyFd;
    }

    /** server.fifo's path, as messages name it. */
    String serverPath() {
        return directory.describe(FifoProtocol.SERVER_FIFO);
    }

    /** The last reply received by {@link #receive}. */
    byte[] line() {
        return line;
    }

    /** One request, its reply as text. */
    String request(String verbAndArgument, long timeoutNanos) {
        long deadline = System.nanoTime() + timeoutNanos;
        patience = timeoutNanos == 0 ? "yet (--timeout 0 does not wait)" : "within " + Durations.format(timeoutNanos);
        send(prepare(verbAndArgument), deadline);
        int length = receive(deadline);
        return new String(line, 0, length, StandardCharsets.UTF_8);
    }

    /** poll() for one event until the deadline; false on timeout. Past the deadline it still looks once. */
    private boolean await(int fd, short event, long deadline) {
        while (true) {
            long left = Math.max(0, deadline - System.nanoTime());
            poll.putInt(Layouts.POLLFD_FD, fd);
            poll.putShort(Layouts.POLLFD_EVENTS, event);
            poll.putShort(Layouts.POLLFD_REVENTS, (short) 0);
            int ready = libc.poll(poll, 1, (int) Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000));
            if (ready > 0) {
                return true;
            }
            if (ready < 0 && Native.errno() != Errno.EINTR) {
                throw Native.failure("poll");
            }
            if (left == 0) {
                return false;
            }
        }
    }

    private IpcException timeout(String what) {
        return IpcException.failure(what + " from the server at " + directory.describe(FifoProtocol.SERVER_FIFO)
                + " " + patience);
    }

    @Override
    public void close() {
        own.close();
        libc.close(replyFd);
        libc.close(serverFd);
        directory.close();
    }

    /**
     * The removal of our FIFO: by close, or by a shutdown hook when the JVM ends first; once. Only a FIFO we
     * made is removed, and once we know its inode, only that one.
     */
    private static final class OwnFifo implements AutoCloseable {
        private final FifoDirectory directory;
        private final String name;
        private final Thread hook;
        private final AtomicBoolean done = new AtomicBoolean();
        private volatile boolean created;
        private volatile boolean known;
        private volatile long device;
        private volatile long inode;

        OwnFifo(FifoDirectory directory, String name) {
            this.directory = directory;
            this.name = name;
            // an inner class, not this::remove: a method reference links the JVM's lambda machinery at every send
            this.hook = new Thread(new Runnable() {
                @Override
                public void run() {
                    remove();
                }
            }, "fifo-client-cleanup");
            ShutdownHooks.add(hook);
        }

        void created() {
            created = true;
        }

        void opened(FileStatus status) {
            device = status.device();
            inode = status.inode();
            known = true;
        }

        private void remove() {
            if (!created || !done.compareAndSet(false, true)) {
                return;
            }
            FileStatus status = new FileStatus();
            if (status.of(directory.fd(), name) && (!known || status.device() == device && status.inode() == inode)) {
                Native.libc().unlinkat(directory.fd(), name, 0);
            }
        }

        @Override
        public void close() {
            remove();
            try {
                ShutdownHooks.remove(hook);
            } catch (IllegalStateException exiting) {
                // The hook is running or ran.
            }
        }
    }
}

// The server's end of DIR/server.fifo: made (or a stale one replaced), opened for reading with a dummy write
// descriptor beside it, and removed on the way out.
package dev.ipc.fifo;

import dev.ipc.cli.IpcException;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileStatus;
import dev.ipc.libc.LibC;
import dev.ipc.libc.Native;
import dev.ipc.libc.Pointer;

import static dev.ipc.libc.FileConstants.*;

final class RequestFifo implements AutoCloseable {
    private final FifoDirectory directory;
    private final String path;
    private final int readFd;
    private final long device;
    private final long inode;
    private final Pointer newline = Native.allocate(1);
    /** The dummy writer: the read end never sees end of file while it is open. -1 once closed. */
    private int dummyFd;

    private RequestFifo(FifoDirectory directory, int readFd, int dummyFd, FileStatus status) {
        this.directory = directory;
        this.path = directory.describe(FifoProtocol.SERVER_FIFO);
        this.readFd = readFd;
        this.dummyFd = dummyFd;
        this.device = status.device();
        this.inode = status.inode();
        newline.putByte(0, (byte) '\n');
    }

    /**
     * Makes DIR/server.fifo and opens it. What is already there decides: nothing, or a stale FIFO of ours that
     * nobody reads (a server that died: a non-blocking open for writing fails with ENXIO), is fine, and the stale
     * one is replaced; a FIFO that someone reads is a live server, and anything else is not ours to touch.
     *
     * @param log told when a stale FIFO is replaced
     */
    static RequestFifo create(FifoDirectory directory, int mode, ServerLog log) {
        LibC libc = Native.libc();
        String name = FifoProtocol.SERVER_FIFO;
        String path = directory.describe(name);
        FileStatus found = new FileStatus();
        if (found.of(directory.fd(), name)) {
            if (!found.isFifo() || found.uid() != libc.geteuid()) {
                throw IpcException.failure(path + " is " + found.typeName() + " of uid "
                        + Integer.toUnsignedString(found.uid()) + ", not a FIFO of yours; refusing to touch it");
            }
            int probe = libc.openat(directory.fd(), name, O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0);
            if (probe >= 0) {
                libc.close(probe);
                throw IpcException.failure("a server is already running on " + path);
            }
            if (Native.errno() != Errno.ENXIO) {
                throw Native.failure("open " + path);
            }
            Native.check("unlink " + path, libc.unlinkat(directory.fd(), name, 0));
            log.event("replaced " + path + ", left by a server that is gone (nobody was reading it)");
        } else if (Native.errno() != Errno.ENOENT) {
            throw Native.failure("stat " + path);
        }
        Native.check("mkfifo " + path, libc.mkfifoat(directory.fd(), name, mode));
        // Non-blocking, so that opening the read end does not wait for a writer; then the dummy writer.
        int readFd = Native.check("open " + path,
                libc.openat(directory.fd(), name, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0));
        int dummyFd = libc.openat(directory.fd(), name, O_WRONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC, 0);
        FileStatus status = new FileStatus();
        try {
            Native.check("open " + path, dummyFd);
            Native.check("fstat " + path, status.of(readFd) ? 0 : -1);
            if (!status.isFifo() || status.uid() != libc.geteuid()) {
                throw IpcException.failure(path + " was replaced while the server opened it; refusing to use it");
            }
            // Exactly this mode, whatever the umask: a shared server's group must be able to write requests.
            Native.check("fchmod " + path, libc.fchmod(readFd, mode));
            // Reads block from now on: the dummy writer is there, so a read waits for requests, never sees EOF.
            Native.check("fcntl " + path, libc.fcntl(readFd, F_SETFL, O_RDONLY));
        } catch (RuntimeException e) {
            libc.close(readFd);
            if (dummyFd >= 0) {
                libc.close(dummyFd);
            }
            libc.unlinkat(directory.fd(), name, 0);
            throw e;
        }
        return new RequestFifo(directory, readFd, dummyFd, status);
    }

    String path() {
        return path;
    }

    /** Blocking read of whatever requests are there, up to count bytes; -1 with errno set on failure. */
    long read(Pointer buffer, long count) {
        return Native.libc().read(readFd, buffer, count);
    }

    /**
     * Whether DIR/server.fifo is still the FIFO we read: if someone removed or replaced it, no client can reach
     * us any more. From the housekeeping thread, so with a FileStatus of its own.
     */
    boolean stillNamed(FileStatus status) {
        return status.of(directory.fd(), FifoProtocol.SERVER_FIFO) && status.device() == device
                && status.inode() == inode;
    }

    /**
     * Wakes a read blocked on this FIFO with an empty line, from any thread (a signal handler, a timer). When the
     * FIFO is full the server is busy and will look at its flags soon anyway.
     */
    synchronized void wake() {
        if (dummyFd >= 0) {
            Native.libc().write(dummyFd, newline, 1);
        }
    }

    /** Closes both ends and removes server.fifo, if it is still the one we made. */
    @Override
    public void close() {
        LibC libc = Native.libc();
        synchronized (this) {
            libc.close(dummyFd);
            dummyFd = -1;
        }
        libc.close(readFd);
        FileStatus status = new FileStatus();
        if (status.of(directory.fd(), FifoProtocol.SERVER_FIFO) && status.device() == device
                && status.inode() == inode) {
            libc.unlinkat(directory.fd(), FifoProtocol.SERVER_FIFO, 0);
        }
    }
}

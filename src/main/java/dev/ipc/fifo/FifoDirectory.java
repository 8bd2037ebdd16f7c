// The server's folder, opened once and checked: every later name is resolved against this descriptor (openat,
// mkfifoat, unlinkat), so renaming a parent folder after the checks cannot redirect anything.
package dev.ipc.fifo;

import dev.ipc.cli.IpcException;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileStatus;
import dev.ipc.libc.Native;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static dev.ipc.libc.FileConstants.*;

final class FifoDirectory implements AutoCloseable {
    private final Path path;
    private final int fd;
    private final int owner;
    private final boolean created;

    private FifoDirectory(Path path, int fd, int owner, boolean created) {
        this.path = path;
        this.fd = fd;
        this.owner = owner;
        this.created = created;
    }

    /**
     * For a server: creates the folder (0700, or the shared mode) or checks the one there: a real folder (not a
     * symbolic link) owned by us, and, unless shared, writable by nobody else. A shared folder of ours gets the
     * shared mode.
     */
    static FifoDirectory forServer(Path path, boolean shared) {
        int euid = Native.libc().geteuid();
        boolean created = Native.libc().mkdir(path.toString(), FifoProtocol.PRIVATE_DIRECTORY_MODE) == 0;
        if (!created && Native.errno() != Errno.EEXIST) {
            throw IpcException.failure("cannot create folder " + path + ": " + Native.describe(Native.errno()));
        }
        FifoDirectory directory = open(path, created);
        try {
            FileStatus status = directory.status();
            if (status.uid() != euid) {
                throw IpcException.failure(path + " belongs to uid " + Integer.toUnsignedString(status.uid())
                        + ", not to you (uid " + Integer.toUnsignedString(euid) + "); refusing to use it");
            }
            if (!created) {
                directory.requireOnlyServerFiles();
            }
            int wanted = shared ? FifoProtocol.SHARED_DIRECTORY_MODE : FifoProtocol.PRIVATE_DIRECTORY_MODE;
            if (created || shared) {
                if (status.permissions() != wanted) {
                    Native.check("fchmod " + path, Native.libc().fchmod(directory.fd, wanted));
                }
            } else if ((status.permissions() & 022) != 0) {
                throw IpcException.failure(path + " is writable by group or others (mode "
                        + octal(status.permissions()) + "); refusing to use it (--shared makes a folder for a group)");
            } else if ((status.permissions() & 077) != 0) {
                // Others could list the folder and learn every client's pid, and it was not made for the server.
                throw IpcException.failure(path + " is readable by group or others (mode "
                        + octal(status.permissions()) + "); refusing to use it (chmod 700 it, or --shared for a group)");
            }
            return directory;
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * For a client: the server's folder must be a real folder; ours unless shared; and if anyone else may
     * write in it, sticky, so that nobody else can remove or replace our FIFO.
     */
    static FifoDirectory forClient(Path path, boolean shared) {
        FifoDirectory directory = open(path, false);
        try {
            FileStatus status = directory.status();
            int euid = Native.libc().geteuid();
            if (!shared && status.uid() != euid) {
                throw IpcException.failure(path + " belongs to uid " + Integer.toUnsignedString(status.uid())
                        + ", not to you; refusing to talk to a server of another user (--shared to do so)");
            }
            if ((status.permissions() & 022) != 0 && (status.permissions() & S_ISVTX) == 0) {
                throw IpcException.failure(path + " is writable by others and not sticky (mode "
                        + octal(status.permissions()) + "): anyone could replace our FIFO; refusing to use it");
            }
            return directory;
        } catch (RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * An existing folder becomes the server's only if it holds nothing but what a server leaves there (its
     * request FIFO and clients' reply FIFOs): the server creates, replaces and removes FIFOs in it, so a folder
     * that holds anything else (--dir /etc) is someone else's.
     */
    private void requireOnlyServerFiles() {
        FileStatus entry = new FileStatus();
        List<String> foreign = new ArrayList<>();
        // Listed through our descriptor, so the folder checked is the folder opened.
        try (DirectoryStream<Path> names = Files.newDirectoryStream(Path.of("/proc/self/fd", Integer.toString(fd)))) {
            for (Path name : names) {
                String file = name.getFileName().toString();
                boolean serverFile = FifoProtocol.isServerFileName(file) && entry.of(fd, file) && entry.isFifo();
                if (!serverFile) {
                    foreign.add(file);
                }
            }
        } catch (IOException e) {
            throw IpcException.failure("cannot list " + path + ": " + e.getMessage());
        }
        if (!foreign.isEmpty()) {
            Collections.sort(foreign);
            throw IpcException.failure(path + " holds " + (foreign.size() == 1 ? "a file" : foreign.size() + " files")
                    + " that no FIFO server made ('" + printable(foreign.get(0)) + "'"
                    + (foreign.size() > 1 ? ", ..." : "") + "); refusing to use it: give a new or empty folder");
        }
    }

    private static FifoDirectory open(Path path, boolean created) {
        int fd = Native.libc().open(path.toString(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC, 0);
        if (fd < 0) {
            int errno = Native.errno();
            if (errno == Errno.ENOENT) {
                throw IpcException.failure("no server: " + path + " does not exist (start one with 'ipc fifo serve')");
            }
            FileStatus found = new FileStatus();
            if (errno == Errno.ELOOP || errno == Errno.ENOTDIR && found.of(path.toString())
                    && found.type() == S_IFLNK) {
                throw IpcException.failure(path + " is a symbolic link; refusing to follow it");
            }
            if (errno == Errno.ENOTDIR) {
                throw IpcException.failure(path + " is not a folder");
            }
            throw IpcException.failure("cannot open " + path + ": " + Native.describe(errno));
        }
        FileStatus status = new FileStatus();
        if (!status.of(fd)) {
            RuntimeException failure = Native.failure("fstat " + path);
            Native.libc().close(fd);
            throw failure;
        }
        return new FifoDirectory(path, fd, status.uid(), created);
    }

    private FileStatus status() {
        FileStatus status = new FileStatus();
        if (!status.of(fd)) {
            throw Native.failure("fstat " + path);
        }
        return status;
    }

    private static String printable(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        return Printable.excerpt(bytes, 0, bytes.length);
    }

    static String octal(int mode) {
        return String.format("%04o", mode);
    }

    Path path() {
        return path;
    }

    /** The descriptor to resolve names against (openat and friends). */
    int fd() {
        return fd;
    }

    /** The folder's owner: the server's user. */
    int owner() {
        return owner;
    }

    boolean created() {
        return created;
    }

    /** The full path of a name in this folder, for messages. */
    String describe(String name) {
        return path.resolve(name).toString();
    }

    /**
     * An exclusive lock on the folder for as long as it is open: two ipc servers never race for one folder,
     * whatever they find in it. False when another process holds it.
     */
    boolean tryLock() {
        if (Native.libc().flock(fd, LOCK_EX | LOCK_NB) == 0) {
            return true;
        }
        if (Native.errno() == Errno.EAGAIN) {
            return false;
        }
        throw Native.failure("flock " + path);
    }

    @Override
    public void close() {
        Native.libc().close(fd);
    }
}

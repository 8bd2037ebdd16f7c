// An exclusive flock(2) on a folder, held until closed: processes that rewrite a file in it take turns, and no
// lock file is left behind.
package dev.ipc.libc;

import java.nio.file.FileSystemException;
import java.nio.file.Path;

import static dev.ipc.libc.FileConstants.LOCK_EX;
import static dev.ipc.libc.FileConstants.O_CLOEXEC;
import static dev.ipc.libc.FileConstants.O_DIRECTORY;
import static dev.ipc.libc.FileConstants.O_RDONLY;

public final class FolderLock implements AutoCloseable {
    private final int fd;

    private FolderLock(int fd) {
        this.fd = fd;
    }

    /** Waits until no other process holds the folder's lock, then holds it. */
    public static FolderLock exclusive(Path folder) throws FileSystemException {
        LibC libc = Native.libc();
        int fd = libc.open(folder.toString(), O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
        if (fd < 0) {
            throw new FileSystemException(folder.toString(), null, Native.describe(Native.errno()));
        }
        while (libc.flock(fd, LOCK_EX) != 0) {
            int errno = Native.errno();
            if (errno != Errno.EINTR) {
                libc.close(fd);
                throw new FileSystemException(folder.toString(), null, "flock: " + Native.describe(errno));
            }
        }
        return new FolderLock(fd);
    }

    /** Closing the descriptor releases the lock. */
    @Override
    public void close() {
        Native.libc().close(fd);
    }
}

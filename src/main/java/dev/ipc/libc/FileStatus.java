// A reusable struct stat buffer: fill it with fstat or fstatat, then read the fields the FIFO commands check.
package dev.ipc.libc;

import static dev.ipc.libc.FileConstants.*;

/** Not thread-safe: one per thread that checks files. Filling it allocates nothing. */
public final class FileStatus {
    private final Pointer buffer = Native.allocate(Layouts.STAT_SIZE);

    /** fstat(fd); false with errno set on failure. */
    public boolean of(int fd) {
        return Native.libc().fstat(fd, buffer) == 0;
    }

    /** fstatat(directory, name) without following a final symbolic link; false with errno set on failure. */
    public boolean of(int directory, String name) {
        return Native.libc().fstatat(directory, name, buffer, AT_SYMLINK_NOFOLLOW) == 0;
    }

    /** fstatat of a path, without following a final symbolic link; false with errno set on failure. */
    public boolean of(String path) {
        return of(AT_FDCWD, path);
    }

    /** stat of a path, following symbolic links (a /proc/PID/ns link to its namespace); false with errno set. */
    public boolean ofTarget(String path) {
        return Native.libc().fstatat(AT_FDCWD, path, buffer, 0) == 0;
    }

    public long device() {
        return buffer.getLong(Layouts.STAT_DEV);
    }

    public long inode() {
        return buffer.getLong(Layouts.STAT_INO);
    }

    public long links() {
        return buffer.getLong(Layouts.STAT_NLINK);
    }

    /** Type and permission bits. */
    public int mode() {
        return buffer.getInt(Layouts.STAT_MODE);
    }

    public int permissions() {
        return mode() & 07777;
    }

    public int uid() {
        return buffer.getInt(Layouts.STAT_UID);
    }

    public int gid() {
        return buffer.getInt(Layouts.STAT_GID);
    }

    public int type() {
        return mode() & S_IFMT;
    }

    public boolean isFifo() {
        return type() == S_IFIFO;
    }

    public boolean isDirectory() {
        return type() == S_IFDIR;
    }

    /** Whether this and other name the same file. */
    public boolean sameFile(FileStatus other) {
        return device() == other.device() && inode() == other.inode();
    }

    /** "a regular file", "a symbolic link"...: for messages about what was found where a FIFO was expected. */
    public String typeName() {
        switch (type()) {
            case S_IFIFO:
                return "a FIFO";
            case S_IFREG:
                return "a regular file";
            case S_IFDIR:
                return "a directory";
            case S_IFLNK:
                return "a symbolic link";
            case S_IFCHR:
                return "a character device";
            case S_IFBLK:
                return "a block device";
            case S_IFSOCK:
                return "a socket";
            default:
                return "a file of unknown type";
        }
    }
}

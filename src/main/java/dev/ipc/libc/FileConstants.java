// Flags and mode bits of the file calls (Linux x86_64, from <fcntl.h>, <sys/stat.h>, <poll.h>, <sys/file.h>,
// <sys/mount.h>).
// FileLayoutsTest checks every number here against the C headers.
package dev.ipc.libc;

public final class FileConstants {
    private FileConstants() {
    }

    public static final int O_RDONLY = 0;
    public static final int O_WRONLY = 01;
    public static final int O_RDWR = 02;
    public static final int O_CREAT = 0100;
    public static final int O_EXCL = 0200;
    public static final int O_NONBLOCK = 04000;
    public static final int O_DIRECTORY = 0200000;
    public static final int O_NOFOLLOW = 0400000;
    public static final int O_CLOEXEC = 02000000;

    /** The new mount API (Linux 5.2, <sys/mount.h>): a mount made without attaching it anywhere. */
    public static final int FSOPEN_CLOEXEC = 1;
    public static final int FSCONFIG_CMD_CREATE = 6;
    public static final int FSMOUNT_CLOEXEC = 1;

    public static final int AT_FDCWD = -100;
    public static final int AT_SYMLINK_NOFOLLOW = 0x100;

    public static final int S_IFMT = 0170000;
    public static final int S_IFIFO = 0010000;
    public static final int S_IFCHR = 0020000;
    public static final int S_IFDIR = 0040000;
    public static final int S_IFBLK = 0060000;
    public static final int S_IFREG = 0100000;
    public static final int S_IFLNK = 0120000;
    public static final int S_IFSOCK = 0140000;
    public static final int S_ISGID = 02000;
    public static final int S_ISVTX = 01000;

    public static final int F_GETFL = 3;
    public static final int F_SETFL = 4;
    public static final int F_SETPIPE_SZ = 1031;
    public static final int F_GETPIPE_SZ = 1032;

    public static final int LOCK_EX = 2;
    public static final int LOCK_NB = 4;

    public static final short POLLIN = 0x1;
    public static final short POLLOUT = 0x4;

    /** The largest write the kernel keeps whole on a pipe or FIFO, however many writers share it. */
    public static final int PIPE_BUF = 4096;
}

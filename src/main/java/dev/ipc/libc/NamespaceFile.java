// An open namespace file (/proc/PID/ns/ipc or a bind mount of one): what it is, and entering it on one thread.
package dev.ipc.libc;

/** The descriptor stays open until {@link #close()}, so the namespace cannot go away while a command uses it. */
public final class NamespaceFile implements AutoCloseable {
    /** CLONE_NEWIPC, the type NS_GET_NSTYPE reports for an IPC namespace. */
    public static final int IPC = 0x08000000;
    /** NS_GET_NSTYPE: _IO(0xb7, 0x3), Linux 4.11. */
    private static final long NS_GET_NSTYPE = 0xb703;

    private final int fd;
    private final long inode;

    private NamespaceFile(int fd, long inode) {
        this.fd = fd;
        this.inode = inode;
    }

    /** Opens the file read-only; fails as open(2) does (ENOENT, EACCES). */
    public static NamespaceFile open(String path) {
        LibC libc = Native.libc();
        int fd = Native.check("open " + path, libc.open(path, FileConstants.O_RDONLY | FileConstants.O_CLOEXEC));
        FileStatus status = new FileStatus();
        if (!status.of(fd)) {
            NativeCallException failure = Native.failure("fstat " + path);
            libc.close(fd);
            throw failure;
        }
        return new NamespaceFile(fd, status.inode());
    }

    /** The namespace's type (CLONE_NEW*), or -1 when the file is not a namespace at all (ENOTTY, EINVAL). */
    public int type() {
        int type = Native.libc().ioctl(fd, NS_GET_NSTYPE);
        return type < 0 ? -1 : type;
    }

    /** The namespace's inode: "ipc:[INODE]" as /proc/PID/ns/ipc links name it. */
    public long inode() {
        return inode;
    }

    /** Moves the calling thread, and the threads it starts from then on, into this IPC namespace. */
    public void enterOnThisThread() {
        Native.check("setns", Native.libc().setns(fd, IPC));
    }

    @Override
    public void close() {
        Native.libc().close(fd);
    }
}

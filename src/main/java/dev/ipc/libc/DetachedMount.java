// A file system mounted nowhere (fsopen, fsconfig, fsmount): only this process reaches it, through its descriptor.
package dev.ipc.libc;

import java.nio.file.Path;

/**
 * The mqueue file system belongs to the IPC namespace of the thread that makes it, whatever mount namespace that
 * thread is in; a mount attached to no directory changes nothing anyone else sees, and goes with its descriptor.
 */
public final class DetachedMount implements AutoCloseable {
    private final int fd;

    private DetachedMount(int fd) {
        this.fd = fd;
    }

    /**
     * The mqueue file system of the calling thread's IPC namespace; fails as fsopen(2) does (ENOSYS before Linux
     * 5.2, EPERM without CAP_SYS_ADMIN over the mount namespace).
     */
    public static DetachedMount mqueue() {
        LibC libc = Native.libc();
        int context = Native.check("fsopen mqueue", libc.fsopen("mqueue", FileConstants.FSOPEN_CLOEXEC));
        try {
            Native.check("fsconfig mqueue", libc.fsconfig(context, FileConstants.FSCONFIG_CMD_CREATE));
            return new DetachedMount(Native.check("fsmount mqueue",
                    libc.fsmount(context, FileConstants.FSMOUNT_CLOEXEC, 0)));
        } finally {
            libc.close(context);
        }
    }

    /** Its root, as the files of this process see it: /proc/self/fd/N leads into the mount. */
    public Path root() {
        return Path.of("/proc/self/fd", Integer.toString(fd));
    }

    @Override
    public void close() {
        Native.libc().close(fd);
    }
}

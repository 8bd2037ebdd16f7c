// Where the kernel shows IPC state. Each path can be moved by a system property, which tests use to point a
// reader at a missing directory (to exercise a fallback) or at a private mqueue mount.
package dev.ipc.procfs;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * @param namespaceMqueue under --ns, where the namespace's own mqueue file system is seen, found when first asked
 *                        for (see {@link #devMqueue()}); null otherwise
 */
public record SystemPaths(Path sysvipc, Path kernelSysctl, Path mqueueSysctl, Path devShm, Path devMqueue,
                          Path passwd, Path group, Path cmdline, Path meminfo, Path ipcNamespace,
                          Supplier<Path> namespaceMqueue) {

    public static SystemPaths fromSystemProperties() {
        return new SystemPaths(
                path("ipc.proc.sysvipc", "/proc/sysvipc"),
                path("ipc.proc.kernel", "/proc/sys/kernel"),
                path("ipc.proc.mqueue", "/proc/sys/fs/mqueue"),
                path("ipc.dev.shm", "/dev/shm"),
                path("ipc.dev.mqueue", "/dev/mqueue"),
                path("ipc.etc.passwd", "/etc/passwd"),
                path("ipc.etc.group", "/etc/group"),
                path("ipc.proc.cmdline", "/proc/cmdline"),
                path("ipc.proc.meminfo", "/proc/meminfo"),
                // thread-self: a command run in another namespace (--ns) moved only its own thread
                path("ipc.proc.ns.ipc", "/proc/thread-self/ns/ipc"), null);
    }

    /**
     * The same paths for another IPC namespace: POSIX shared memory and semaphores seen from under root
     * (/proc/PID/root), as the /dev/shm files follow a mount namespace; message queues from mqueue, the
     * namespace's own mqueue file system, which a mount of another namespace at root/dev/mqueue is not.
     */
    public SystemPaths inNamespace(Path root, Supplier<Path> mqueue) {
        return new SystemPaths(sysvipc, kernelSysctl, mqueueSysctl, under(root, devShm), devMqueue,
                passwd, group, cmdline, meminfo, ipcNamespace, mqueue);
    }

    /**
     * The mqueue file system: /dev/mqueue, or under --ns the namespace's own, mounted when first asked for; throws
     * UncheckedIOException when that cannot be mounted.
     */
    @Override
    public Path devMqueue() {
        return namespaceMqueue != null ? namespaceMqueue.get() : devMqueue;
    }

    /** {@link #devMqueue()}, with its failure as the checked exception readers declare. */
    public Path mqueueDirectory() throws java.io.IOException {
        try {
            return devMqueue();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static Path under(Path root, Path path) {
        return root.resolve(root.getRoot().relativize(path.toAbsolutePath()));
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback));
    }
}

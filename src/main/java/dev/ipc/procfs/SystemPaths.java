// Where the kernel shows IPC state. Each path can be moved by a system property, which tests use to point a
// reader at a missing directory (to exercise a fallback) or at a private mqueue mount.
package dev.ipc.procfs;

import java.nio.file.Path;

public record SystemPaths(Path sysvipc, Path kernelSysctl, Path mqueueSysctl, Path devShm, Path devMqueue,
                          Path passwd, Path group, Path cmdline, Path meminfo, Path ipcNamespace) {

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
                path("ipc.proc.ns.ipc", "/proc/thread-self/ns/ipc"));
    }

    /**
     * The same paths, with POSIX shared memory, semaphores and queues seen from under root (/proc/PID/root): the
     * /dev/shm files follow a mount namespace, not the IPC namespace.
     */
    public SystemPaths withPosixRoot(Path root) {
        return new SystemPaths(sysvipc, kernelSysctl, mqueueSysctl, under(root, devShm), under(root, devMqueue),
                passwd, group, cmdline, meminfo, ipcNamespace);
    }

    private static Path under(Path root, Path path) {
        return root.resolve(root.getRoot().relativize(path.toAbsolutePath()));
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback));
    }
}

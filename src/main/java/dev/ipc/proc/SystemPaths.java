// Where the kernel shows IPC state. Each path can be moved by a system property, which tests use to point a
// reader at a missing directory (to exercise a fallback) or at a private mqueue mount.
package dev.ipc.proc;

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
                path("ipc.proc.ns.ipc", "/proc/self/ns/ipc"));
    }

    private static Path path(String property, String fallback) {
        return Path.of(System.getProperty(property, fallback));
    }
}

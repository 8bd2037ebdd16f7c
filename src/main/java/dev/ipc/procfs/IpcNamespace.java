// Which IPC namespace a process is in, from its /proc/PID/ns/ipc link: limits and objects are per namespace.
package dev.ipc.procfs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/** @param id as /proc/self/ns/ipc names it, "ipc:[4026531839]"; null when it cannot be read */
public record IpcNamespace(String id, boolean initial) {
    /** PROC_IPC_INIT_INO: the initial IPC namespace always has this inode number (include/linux/proc_ns.h). */
    public static final String INITIAL = "ipc:[4026531839]";

    /** @param link /proc/self/ns/ipc (or where SystemPaths moves it), /proc/PID/ns/ipc */
    public static IpcNamespace read(Path link) {
        try {
            return of(link);
        } catch (IOException | UnsupportedOperationException e) {
            return new IpcNamespace(null, true); // cannot tell: say nothing about namespaces
        }
    }

    /** The namespace the link names; fails as reading the link does (the process is gone, not ours to read). */
    public static IpcNamespace of(Path link) throws IOException {
        String id = Files.readSymbolicLink(link).toString();
        return new IpcNamespace(id, id.equals(INITIAL));
    }

    // Written out: a record's generated equals is linked through java.lang.runtime.ObjectMethods at its first
    // call, which spins method handles that the class-data archive does not hold (ipc metrics, who, ls -i).
    @Override
    public boolean equals(Object other) {
        return other instanceof IpcNamespace that && initial == that.initial && Objects.equals(id, that.id);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(id) + Boolean.hashCode(initial);
    }

    /** Whether this is known to be a namespace of its own, not the initial one: its limits are its own. */
    public boolean separate() {
        return id != null && !initial;
    }
}

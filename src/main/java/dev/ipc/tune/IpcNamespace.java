// Which IPC namespace this process is in: the limits are per namespace, so a change applies to this one only.
package dev.ipc.tune;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** @param id as /proc/self/ns/ipc names it, "ipc:[4026531839]"; null when it cannot be read */
public record IpcNamespace(String id, boolean initial) {
    /** PROC_IPC_INIT_INO: the initial IPC namespace always has this inode number (include/linux/proc_ns.h). */
    static final String INITIAL = "ipc:[4026531839]";

    /** @param link /proc/self/ns/ipc, or where SystemPaths moves it */
    public static IpcNamespace read(Path link) {
        try {
            String id = Files.readSymbolicLink(link).toString();
            return new IpcNamespace(id, id.equals(INITIAL));
        } catch (IOException | UnsupportedOperationException e) {
            return new IpcNamespace(null, true); // cannot tell: say nothing about namespaces
        }
    }

    /** Whether this is known to be a namespace of its own, not the initial one: its limits are its own. */
    public boolean separate() {
        return id != null && !initial;
    }
}

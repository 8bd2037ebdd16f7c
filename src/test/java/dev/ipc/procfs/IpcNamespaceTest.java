// IpcNamespace's equals and hashCode, written out rather than generated, keep a record's meaning.
package dev.ipc.procfs;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class IpcNamespaceTest {
    @Test
    void namespaces_are_equal_when_their_id_and_initial_are() {
        IpcNamespace own = IpcNamespace.read(Path.of("/proc/self/ns/ipc"));
        IpcNamespace again = IpcNamespace.read(Path.of("/proc/self/ns/ipc"));
        assertEquals(own, again);
        assertEquals(own.hashCode(), again.hashCode());
        assertEquals(new IpcNamespace(null, true), new IpcNamespace(null, true));
        assertEquals(new IpcNamespace(null, true).hashCode(), new IpcNamespace(null, true).hashCode());
        assertNotEquals(new IpcNamespace("ipc:[1]", false), new IpcNamespace("ipc:[2]", false));
        assertNotEquals(new IpcNamespace("ipc:[1]", false), new IpcNamespace("ipc:[1]", true));
        assertNotEquals(new IpcNamespace(null, true), new IpcNamespace("ipc:[1]", true));
        assertNotEquals(own, "ipc:[1]");
    }
}

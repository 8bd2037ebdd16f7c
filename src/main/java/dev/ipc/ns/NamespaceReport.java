// What one IPC namespace holds, read from inside it: object counts, segment memory and its limits.
package dev.ipc.ns;

import dev.ipc.cli.NamespaceTarget;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.procfs.IpcNamespaces;
import dev.ipc.procfs.ProcFile;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.state.SystemVSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * @param error why the namespace could not be read (its processes ended, no permission), or null; the counts are
 *              then 0 and the limits empty
 */
record NamespaceReport(IpcNamespaces.Namespace namespace, int queues, int segments, int semaphoreSets,
                       long segmentBytes, long segmentResidentBytes, Map<String, String> limits, String error) {

    /** A limit whose value is not the reference namespace's. */
    record Difference(String sysctl, String value, String reference) {
    }

    /** The sysctls of an IPC namespace: its own in every namespace, the kernel's built-in values in a new one. */
    private static final List<String> KERNEL = List.of("msgmax", "msgmnb", "msgmni", "sem", "shmmax", "shmall",
            "shmmni", "shm_rmid_forced");
    private static final List<String> MQUEUE = List.of("queues_max", "msg_max", "msgsize_max", "msg_default",
            "msgsize_default");

    /** Enters the namespace on a thread of its own and reads it there. */
    static NamespaceReport read(IpcNamespaces.Namespace namespace, Path proc, SystemPaths paths) {
        try (NamespaceTarget target = NamespaceTarget.open(namespace.file(proc), namespace.firstPid())) {
            return target.call(() -> readHere(namespace, paths));
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            return new NamespaceReport(namespace, 0, 0, 0, 0, 0, Map.of(),
                    message.startsWith("--ns: ") ? message.substring("--ns: ".length()) : message);
        }
    }

    /** Reads the namespace the calling thread is in. */
    private static NamespaceReport readHere(IpcNamespaces.Namespace namespace, SystemPaths paths) {
        SystemVSource source = new SystemVSource(paths);
        List<SharedMemorySegment> segments = source.sharedMemorySegments();
        long bytes = 0;
        long resident = 0;
        for (SharedMemorySegment segment : segments) {
            bytes += segment.size();
            resident += segment.residentBytes().orElse(0);
        }
        return new NamespaceReport(namespace, source.messageQueues().size(), segments.size(),
                source.semaphoreSets().size(), bytes, resident, limits(paths), null);
    }

    /** "kernel.msgmni" to "32000", as sysctl names and prints them; a file that cannot be read is left out. */
    private static Map<String, String> limits(SystemPaths paths) {
        Map<String, String> limits = new LinkedHashMap<>();
        for (String name : KERNEL) {
            put(limits, "kernel." + name, paths.kernelSysctl().resolve(name));
        }
        for (String name : MQUEUE) {
            put(limits, "fs.mqueue." + name, paths.mqueueSysctl().resolve(name));
        }
        return limits;
    }

    private static void put(Map<String, String> limits, String name, Path file) {
        try {
            limits.put(name, ProcFile.readText(file).trim().replaceAll("\\s+", " "));
        } catch (IOException missing) {
            // a kernel without it (fs.mqueue without POSIX queues)
        }
    }

    /** The limits whose value differs from the reference's (the host's). */
    List<Difference> differences(Map<String, String> reference) {
        List<Difference> differences = new ArrayList<>();
        limits.forEach((name, value) -> {
            String theirs = reference.get(name);
            if (theirs != null && !theirs.equals(value)) {
                differences.add(new Difference(name, value, theirs));
            }
        });
        return differences;
    }
}

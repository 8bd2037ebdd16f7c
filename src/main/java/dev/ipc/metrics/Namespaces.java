// The IPC namespaces of this machine, for --all-namespaces: each with one process in it, found in /proc.
package dev.ipc.metrics;

import dev.ipc.proc.IpcNamespace;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * A namespace without a process (held only by a bind mount) is not found: name its file with --ns. Processes
 * whose link cannot be read (another user's, without root) are passed over; their namespaces are missing too.
 */
final class Namespaces {
    private Namespaces() {
    }

    /** Each namespace's id, "ipc:[4026531839]", with the lowest pid in it, in the order of their inode numbers. */
    static Map<String, Integer> members(Path proc) {
        Map<String, Integer> members = new TreeMap<>((a, b) -> Long.compare(inode(a), inode(b)));
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                int pid;
                try {
                    pid = Integer.parseInt(process.getFileName().toString());
                } catch (NumberFormatException notAProcess) {
                    continue;
                }
                try {
                    members.merge(IpcNamespace.of(process.resolve("ns/ipc")).id(), pid, Math::min);
                } catch (IOException goneOrNotOurs) {
                    // passed over
                }
            }
        } catch (IOException e) {
            return members;
        }
        return members;
    }

    private static long inode(String id) {
        try {
            return Long.parseLong(id.substring(id.indexOf('[') + 1, id.length() - 1));
        } catch (RuntimeException notTheUsualForm) {
            return Long.MAX_VALUE;
        }
    }
}

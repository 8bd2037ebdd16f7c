// Reads the IPC limits of the namespace the test JVM was started from, to prove tests leave them alone.
package dev.ipc.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The limits in /proc/sys/kernel are those of the reader's IPC namespace, whatever the path, so they can be read
 * only by a process that joins the host's namespace: `nsenter -t PID -i cat ...`, with PID an ancestor of this
 * JVM still in that namespace (src/test/isolated-jvm/bin/java records which one it is). That takes root in the
 * host's user namespace; elsewhere {@link #limits()} says why it cannot.
 */
public final class HostIpcNamespace {
    /** The files every tune command writes. */
    public static final List<String> FILES = List.of("sem", "msgmax", "msgmnb", "msgmni", "shmmax", "shmall",
            "shmmni");

    /** @param text the files' contents, one per line; null when they could not be read, and whyNot says why */
    public record Reading(String text, String whyNot) {
    }

    private HostIpcNamespace() {
    }

    public static Reading limits() {
        String host = System.getenv("IPC_TEST_HOST_IPC_NS");
        if (host == null) {
            return new Reading(null, "not started through src/test/isolated-jvm/bin/java");
        }
        if (!Processes.onPath("nsenter")) {
            return new Reading(null, "nsenter is not installed");
        }
        Optional<Long> pid = ancestorIn(host);
        if (pid.isEmpty()) {
            return new Reading(null, "no ancestor process is in the host's IPC namespace " + host);
        }
        List<String> command = new ArrayList<>(List.of("nsenter", "-t", pid.get().toString(), "-i", "--", "cat"));
        for (String file : FILES) {
            command.add("/proc/sys/kernel/" + file);
        }
        CommandResult result = Processes.run(command);
        if (result.exitCode() != 0) {
            return new Reading(null, "nsenter into the host's IPC namespace failed: " + result.err().strip());
        }
        return new Reading(result.out(), null);
    }

    private static Optional<Long> ancestorIn(String namespace) {
        Optional<ProcessHandle> process = ProcessHandle.current().parent();
        while (process.isPresent()) {
            long pid = process.get().pid();
            try {
                if (Files.readSymbolicLink(Path.of("/proc", Long.toString(pid), "ns", "ipc")).toString()
                        .equals(namespace)) {
                    return Optional.of(pid);
                }
            } catch (IOException | UnsupportedOperationException e) {
                return Optional.empty(); // an ancestor we may not look at: give up rather than guess
            }
            process = process.get().parent();
        }
        return Optional.empty();
    }
}

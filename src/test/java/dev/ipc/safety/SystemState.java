// What bad input must leave as it was: the IPC objects with their contents, the limits, and the files of a folder.
package dev.ipc.safety;

import dev.ipc.procfs.ProcFile;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Equal snapshots: nothing changed in between. */
record SystemState(Map<String, String> parts) {
    private static final String[] LIMITS = {"sem", "msgmax", "msgmnb", "msgmni", "shmmax", "shmall", "shmmni"};

    /**
     * @param queue, segment, set the objects whose contents count too (messages, bytes, values), or -1
     * @param folder a folder whose files and their contents count, or null
     */
    static SystemState capture(int queue, int segment, int set, Path folder) {
        Map<String, String> parts = new TreeMap<>();
        parts.put("ls", listing("ls"));
        parts.put("ls -c", listing("ls", "-c"));
        parts.put("ls --posix", listing("ls", "--posix"));
        if (segment >= 0) {
            parts.put("segment", listing("shm", "read", "--id", Integer.toString(segment)));
        }
        if (set >= 0) {
            parts.put("semaphores", listing("sem", "get", "--id", Integer.toString(set)));
        }
        if (queue >= 0) {
            parts.put("queue", listing("msg", "stat", "--id", Integer.toString(queue)));
        }
        try {
            for (String limit : LIMITS) {
                parts.put("kernel." + limit, ProcFile.readText(Path.of("/proc/sys/kernel", limit)));
            }
            if (folder != null) {
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path file : (Iterable<Path>) files::iterator) {
                        parts.put("file " + folder.relativize(file), Files.isRegularFile(file)
                                ? Files.readString(file) : Files.isDirectory(file) ? "(folder)" : "(other)");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new SystemState(parts);
    }

    /** What differs from the other snapshot, part by part, or "" when nothing does. */
    String differences(SystemState other) {
        StringBuilder text = new StringBuilder();
        for (String part : parts.keySet()) {
            if (!java.util.Objects.equals(parts.get(part), other.parts.get(part))) {
                text.append(part).append(" was:\n").append(parts.get(part)).append("\nand is:\n")
                        .append(other.parts.get(part)).append('\n');
            }
        }
        for (String part : other.parts.keySet()) {
            if (!parts.containsKey(part)) {
                text.append(part).append(" is new: ").append(other.parts.get(part)).append('\n');
            }
        }
        return text.toString();
    }

    private static String listing(String... args) {
        CommandResult result = Ipc.run(args);
        if (result.exitCode() != 0) {
            throw new AssertionError("cannot take a snapshot: " + String.join(" ", args) + "\n" + result);
        }
        return result.out();
    }
}

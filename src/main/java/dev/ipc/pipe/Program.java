// A command line whose program has been found: resolved before any pipe is made or child started, so that a
// missing command is reported in one line with nothing half done.
package dev.ipc.pipe;

import dev.ipc.cli.IpcException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * posix_spawnp would search PATH itself, but it reports a missing program only by its return value (jnr-posix
 * even drops that), after the pipes exist and earlier stages run. The search is done here instead, as execvp
 * does it, and the child is started with posix_spawn on the path found: one execve, which the trace names.
 * Exit codes for a program that cannot be run are those of env, nohup and the shell: 127 not found, 126 found
 * but not executable.
 */
record Program(String path, List<String> argv) {
    static final int NOT_FOUND = 127;
    static final int NOT_EXECUTABLE = 126;

    /** The name of the program, as argv[0] gives it. */
    String name() {
        return argv.get(0);
    }

    /** argv's program, looked for on environment's PATH (glibc's default PATH without one). */
    static Program resolve(List<String> argv, Map<String, String> environment) {
        String name = argv.get(0);
        if (name.isEmpty()) {
            throw new IpcException("'': command not found", NOT_FOUND);
        }
        if (name.contains("/")) {
            return new Program(check(name, Path.of(name)), List.copyOf(argv));
        }
        String search = environment.get("PATH");
        if (search == null) {
            search = "/usr/local/bin:/usr/bin:/bin"; // glibc's default for execvp
        }
        IpcException denied = null;
        for (String directory : search.split(":", -1)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory).resolve(name);
            if (Files.isRegularFile(candidate)) {
                if (Files.isExecutable(candidate)) {
                    return new Program(candidate.toAbsolutePath().toString(), List.copyOf(argv));
                }
                denied = new IpcException(name + ": Permission denied", NOT_EXECUTABLE);
            }
        }
        if (denied != null) {
            throw denied;
        }
        throw new IpcException(name + ": command not found", NOT_FOUND);
    }

    /** A program at a known path, with argv[0] of the caller's choosing ("sh" for /bin/sh, as popen does). */
    static Program at(String path, List<String> argv) {
        return new Program(check(path, Path.of(path)), List.copyOf(argv));
    }

    private static String check(String name, Path path) {
        if (!Files.exists(path)) {
            throw new IpcException(name + ": No such file or directory", NOT_FOUND);
        }
        if (Files.isDirectory(path)) {
            throw new IpcException(name + ": Is a directory", NOT_EXECUTABLE);
        }
        if (!Files.isExecutable(path)) {
            throw new IpcException(name + ": Permission denied", NOT_EXECUTABLE);
        }
        return path.toAbsolutePath().toString();
    }
}

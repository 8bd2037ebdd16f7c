// Runs programs as the unprivileged user nobody, for the permission-denied paths the root tests cannot reach.
package dev.ipc.support;

import dev.ipc.cli.SelfCommand;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * setpriv switches to uid and gid 65534 with no supplementary groups; leaving uid 0 clears every capability,
 * so the kernel judges IPC permissions as for any user. A child JVM running as nobody cannot read a class path
 * under /root (Maven's repository is 0700 there), so ipc's is copied once into a world-readable directory.
 */
public final class Unprivileged {
    public static final int NOBODY = 65534;

    private static Path classPath;

    private Unprivileged() {
    }

    /** Why the tests cannot run as nobody here, or null when they can. */
    public static String unavailableReason() {
        if (!Isolation.isRoot()) {
            return "switching to another user needs root";
        }
        if (!Processes.onPath("setpriv")) {
            return "setpriv (util-linux) is not installed";
        }
        return null;
    }

    public static List<String> command(List<String> command) {
        List<String> all = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups"));
        all.addAll(command);
        return all;
    }

    /** ipc itself as a child process run by nobody, in this JVM's namespaces. */
    public static List<String> ipc(String... args) {
        List<String> self = new ArrayList<>(SelfCommand.of(args));
        int cp = self.indexOf("-cp");
        self.set(cp + 1, readableClassPath());
        return command(self);
    }

    private static synchronized String readableClassPath() {
        try {
            if (classPath == null) {
                Path directory = Files.createTempDirectory("ipc-test-classpath");
                directory.toFile().deleteOnExit();
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
                List<String> entries = new ArrayList<>();
                int index = 0;
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path source = Path.of(entry);
                    if (!Files.exists(source)) {
                        continue;
                    }
                    Path target = directory.resolve(index++ + "-" + source.getFileName());
                    copy(source, target);
                    entries.add(target.toString());
                }
                Files.writeString(directory.resolve("classpath"), String.join(File.pathSeparator, entries));
                classPath = directory;
            }
            return Files.readString(classPath.resolve("classpath"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> tree = Files.walk(source)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                Path copy = target.resolve(source.relativize(path).toString());
                if (source.equals(path)) {
                    copy = target;
                }
                Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(
                        Files.isDirectory(copy) ? "rwxr-xr-x" : "rw-r--r--"));
                copy.toFile().deleteOnExit();
            }
        }
    }
}

// Runs ipc as an unprivileged user (uid and gid 4242, no groups) in a child process, for permission cases.
package dev.ipc.support;

import dev.ipc.cli.SelfCommand;
import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

public final class Unprivileged {
    public static final int UID = 4242;

    private static Path readableClasspath;

    private Unprivileged() {
    }

    /** setpriv, then the command line that starts ipc with the given arguments as uid 4242. */
    public static List<String> ipc(String... args) {
        Assumptions.assumeTrue(Isolation.isRoot() && Processes.onPath("setpriv"),
                "running as another user needs root and setpriv");
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups"));
        List<String> self = new ArrayList<>(SelfCommand.of(args));
        int cp = self.indexOf("-cp");
        self.set(cp + 1, worldReadableClasspath());
        command.addAll(self);
        return command;
    }

    public static List<String> command(String... command) {
        Assumptions.assumeTrue(Isolation.isRoot() && Processes.onPath("setpriv"),
                "running as another user needs root and setpriv");
        List<String> line = new ArrayList<>(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID,
                "--clear-groups"));
        line.addAll(List.of(command));
        return line;
    }

    /**
     * The test class path lives partly in root's Maven repository, which other users cannot read: copy it
     * once into a temporary directory they can.
     */
    private static synchronized String worldReadableClasspath() {
        if (readableClasspath == null) {
            try {
                Path dir = Files.createTempDirectory("ipc-test-classpath");
                dir.toFile().deleteOnExit();
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                List<String> entries = new ArrayList<>();
                int n = 0;
                for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                    Path source = Path.of(entry);
                    if (!Files.exists(source)) {
                        continue;
                    }
                    Path target = dir.resolve((n++) + "-" + source.getFileName());
                    copy(source, target);
                    entries.add(target.toString());
                }
                readableClasspath = dir;
                return String.join(File.pathSeparator, entries);
            } catch (IOException e) {
                throw new AssertionError("cannot copy the class path: " + e, e);
            }
        }
        List<String> entries = new ArrayList<>();
        try (Stream<Path> list = Files.list(readableClasspath)) {
            list.sorted((a, b) -> Integer.compare(index(a), index(b))).forEach(p -> entries.add(p.toString()));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return String.join(File.pathSeparator, entries);
    }

    private static int index(Path entry) {
        String name = entry.getFileName().toString();
        return Integer.parseInt(name.substring(0, name.indexOf('-')));
    }

    private static void copy(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : (Iterable<Path>) walk::iterator) {
                Path to = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(to);
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else {
                    Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-r--r--"));
                }
                to.toFile().deleteOnExit();
            }
        }
    }
}

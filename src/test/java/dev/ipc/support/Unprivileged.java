// Runs ipc as an ordinary user, for the kernel's permission checks (root in the test namespace passes them all).
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

/**
 * The test class path holds jars from the local Maven repository, which is often under a home directory other users
 * cannot enter; the jars are copied once into target/ for the child to read.
 */
public final class Unprivileged {
    /** A uid and gid that no account here is likely to hold. */
    public static final int UID = 4242;

    private static String classPath;

    private Unprivileged() {
    }

    /** Real root, with every uid mapped (not the single uid of an unprivileged user namespace), and setpriv. */
    public static boolean available() {
        try {
            String map = Files.readString(Path.of("/proc/self/uid_map")).trim();
            return Isolation.isRoot() && map.matches("0\\s+0\\s+4294967295") && Processes.onPath("setpriv");
        } catch (IOException e) {
            return false;
        }
    }

    /** Runs ipc with these arguments as uid and gid {@link #UID}, without supplementary groups. */
    public static IpcProcess.Result run(String... args) {
        List<String> command = new ArrayList<>(SelfCommand.of(args));
        int cp = command.indexOf("-cp");
        command.set(cp + 1, readableClassPath());
        // jffi unpacks its library into the temporary directory, which must be one this user may write
        command.add(1, "-Djava.io.tmpdir=/tmp");
        IpcProcess p = IpcProcess.start(List.of("setpriv", "--reuid=" + UID, "--regid=" + UID, "--clear-groups"),
                command);
        p.closeInput();
        return p.await(60);
    }

    private static synchronized String readableClassPath() {
        if (classPath != null) {
            return classPath;
        }
        try {
            Path dir = Path.of(System.getProperty("ipc.project.dir", "."), "target", "unprivileged-classpath");
            Files.createDirectories(dir);
            List<String> entries = new ArrayList<>();
            for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
                Path path = Path.of(entry);
                if (Files.isRegularFile(path)) {
                    Path copy = dir.resolve(path.getFileName());
                    Files.copy(path, copy, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-r--r--"));
                    entries.add(copy.toString());
                } else {
                    entries.add(entry);
                }
            }
            classPath = String.join(File.pathSeparator, entries);
            return classPath;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

// Without the right to write the limits: one clear line, exit 1, and nothing changed.
package dev.ipc.tune;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Isolation;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

@ExtendWith(PrivateLimits.class)
class TunePermissionTest {
    private static final String NOBODY = "65534";

    /**
     * A child process as user nobody, in this test's IPC namespace. It cannot read the class path under root's
     * home, so the class path is copied where it can.
     */
    @Test
    void an_unprivileged_user_gets_one_line_and_nothing_changes(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(Isolation.isRoot() && mapsEveryUser(), "switching to user nobody needs real root");
        Assumptions.assumeTrue(Processes.onPath("setpriv"), "setpriv (util-linux) is not installed");
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=" + NOBODY, "--regid=" + NOBODY,
                "--clear-groups", "--"));
        List<String> self = SelfCommand.of("sem", "tune", "--semmni", "32001");
        self.set(self.indexOf("-cp") + 1, readableCopy(dir));
        command.addAll(self);

        CommandResult result = Processes.run(command);

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals("ipc: no permission to change kernel.sem (/proc/sys/kernel/sem is writable by root only): "
                + "nothing changed\n", result.err());
        assertEquals(PrivateLimits.DEFAULTS, PrivateLimits.read());
    }

    /** As in a container: /proc/sys mounted read-only, here in a mount namespace of the child's own. */
    @Test
    void read_only_proc_sys_gets_one_line_and_nothing_changes() {
        Assumptions.assumeTrue(Processes.onPath("unshare"), "unshare (util-linux) is not installed");
        List<String> command = new ArrayList<>(List.of("unshare", "--mount", "sh", "-c",
                "mount --bind /proc/sys /proc/sys && mount -o remount,bind,ro /proc/sys && exec \"$@\"", "sh"));
        command.addAll(SelfCommand.of("msg", "tune", "--msgmax", "65536", "--msgmnb", "65536"));

        CommandResult result = Processes.run(command);

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("", result.out());
        assertEquals("ipc: cannot change kernel.msgmax: /proc/sys/kernel is read-only here (as in most containers): "
                + "nothing changed\n", result.err());
        assertEquals(PrivateLimits.DEFAULTS, PrivateLimits.read());
    }

    /** True in the initial user namespace, where uid 65534 exists; not under `unshare -r`. */
    private static boolean mapsEveryUser() throws IOException {
        return Files.readString(Path.of("/proc/self/uid_map")).trim().split("\\s+")[2].equals("4294967295");
    }

    /** Copies each class path entry into dir, readable by all; returns the class path of the copies. */
    private static String readableCopy(Path dir) throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        List<String> copies = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path from = Path.of(entry);
            Path to = dir.resolve(copies.size() + "-" + from.getFileName());
            try (Stream<Path> files = Files.walk(from)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path copy = to.resolve(from.relativize(file).toString());
                    Files.copy(file, copy, StandardCopyOption.COPY_ATTRIBUTES);
                    Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString(
                            Files.isDirectory(copy) ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
            copies.add(to.toString());
        }
        return String.join(File.pathSeparator, copies);
    }
}

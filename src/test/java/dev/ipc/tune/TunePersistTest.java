// --persist records the values for the next boot in a sysctl.d file of their own, safely.
package dev.ipc.tune;

import dev.ipc.cli.SelfCommand;
import dev.ipc.procfs.IpcNamespace;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static dev.ipc.tune.Runs.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(PrivateLimits.class)
class TunePersistTest {
    @TempDir
    Path root;
    private Path sysctlD;
    private Path file;

    /** The sysctl directories and the default file are looked up under root, never in the machine's /etc. */
    @BeforeEach
    void sysctlRoot() throws IOException {
        System.setProperty("ipc.sysctl.root", root.toString());
        sysctlD = Files.createDirectories(root.resolve("etc/sysctl.d"));
        file = sysctlD.resolve("60-ipc-limits.conf");
    }

    @AfterEach
    void machineRoot() {
        System.clearProperty("ipc.sysctl.root");
    }

    @Test
    void persists_in_the_default_file_and_values_after_persist_are_values() throws IOException {
        CommandResult result = ok("sem", "tune", "--persist", "32001", "1024000000", "500", "32002");

        assertEquals("32001 1024000000 500 32002", PrivateLimits.read("sem"));
        assertTrue(Files.readString(file).endsWith("\nkernel.sem = 32001 1024000000 500 32002\n"));
        assertTrue(result.out().contains("saved kernel.sem = 32001 1024000000 500 32002 in " + file.toRealPath()
                + "\n"), result.out());
        assertFalse(Files.exists(Path.of("32001")), "a value was taken for the file name");
    }

    @Test
    void replaces_only_its_own_keys_and_keeps_comments_and_other_keys() throws IOException {
        Files.writeString(file, "# by hand\nvm.swappiness = 10\nkernel.sem = 1 2 3 4\n\nkernel.msgmni = 1024\n");

        ok("sem", "tune", "--semmni", "32001", "--persist=" + file);

        assertEquals("# by hand\nvm.swappiness = 10\nkernel.sem = 32000 1024000000 500 32001\n\nkernel.msgmni = 1024\n",
                Files.readString(file));
    }

    @Test
    void records_each_named_key_of_its_own_file() throws IOException {
        ok("msg", "tune", "--msgmnb", "65536", "--msgmax", "65536", "--persist=" + file);

        String text = Files.readString(file);
        assertTrue(text.endsWith("\nkernel.msgmax = 65536\nkernel.msgmnb = 65536\n"), text);
    }

    @Test
    void without_values_records_the_current_ones() throws IOException {
        CommandResult result = ok("msg", "tune", "--persist");

        assertTrue(result.out().startsWith("MSGMAX 8192 (unchanged)\nMSGMNB 16384 (unchanged)\n"
                + "MSGMNI 32000 (unchanged)\n"), result.out());
        assertTrue(Files.readString(file).endsWith("kernel.msgmax = 8192\nkernel.msgmnb = 16384\n"
                + "kernel.msgmni = 32000\n"));
    }

    @Test
    void follows_a_symbolic_link_rather_than_replacing_it() throws IOException {
        Path real = Files.createDirectories(root.resolve("srv")).resolve("ipc-limits.conf");
        Files.writeString(real, "vm.swappiness = 10\n");
        Files.createSymbolicLink(file, Path.of("../../srv/ipc-limits.conf"));

        CommandResult result = ok("shm", "tune", "--shmmni", "8192", "--persist");

        assertTrue(Files.isSymbolicLink(file));
        assertEquals("vm.swappiness = 10\nkernel.shmmni = 8192\n", Files.readString(real));
        assertTrue(result.out().contains(" in " + real.toRealPath() + "\n"), result.out());
    }

    @Test
    void names_a_later_file_that_sets_the_same_key() throws IOException {
        Path vendor = Files.createDirectories(root.resolve("usr/lib/sysctl.d")).resolve("99-vendor.conf");
        Files.writeString(vendor, "kernel.shmmni = 4096\n");
        Files.writeString(root.resolve("etc/sysctl.conf"), "kernel.shmmni=2048\n");

        CommandResult result = ok("shm", "tune", "--shmmni", "8192", "--persist");

        assertTrue(result.err().contains("ipc: warning: " + vendor + " sets kernel.shmmni = 4096 and is read "
                + "later, so its value wins at boot\n"), result.err());
        assertTrue(result.err().contains("ipc: warning: " + root.resolve("etc/sysctl.conf") + " sets kernel.shmmni "
                + "= 2048, and sysctl --system applies it last, so its value wins there\n"), result.err());
        assertTrue(Files.readString(file).endsWith("kernel.shmmni = 8192\n"));
    }

    @Test
    void says_the_file_is_for_the_initial_namespace() {
        CommandResult result = ok("sem", "tune", "--persist");

        assertTrue(result.err().contains("is applied at boot to the initial IPC namespace, not to this one ("
                + IpcNamespace.read(SystemPaths.fromSystemProperties().ipcNamespace()).id() + ")"), result.err());
    }

    @Test
    void a_dry_run_writes_no_file() {
        CommandResult result = ok("sem", "tune", "--semmni", "32001", "--persist", "--dry-run");

        assertTrue(result.out().contains("would save kernel.sem = 32000 1024000000 500 32001 in "), result.out());
        assertFalse(Files.exists(file));
    }

    @Test
    void a_refused_change_writes_no_file() {
        CommandResult result = Ipc.run("sem", "tune", "--semmni", "128", "--persist");

        assertEquals(1, result.exitCode());
        assertFalse(Files.exists(file));
    }

    @Test
    void a_missing_directory_is_found_before_the_kernel_is_changed() {
        CommandResult result = Ipc.run("sem", "tune", "--semmni", "32001", "--persist=" + root.resolve("no/x.conf"));

        assertEquals(1, result.exitCode());
        assertEquals("ipc: cannot persist in " + root.resolve("no/x.conf") + ": no such directory; nothing "
                + "changed\n", result.err());
        assertEquals(PrivateLimits.DEFAULTS.get("sem"), PrivateLimits.read("sem"));
    }

    /** `--persist=$UNSET`: an empty FILE is a mistake, not a request for the default file. */
    @Test
    void an_empty_file_is_refused_and_nothing_is_changed() {
        CommandResult result = Ipc.run("sem", "tune", "--semmni", "32100", "--persist=");

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("ipc: --persist '': empty FILE; give a file, or --persist alone for " + file + "\n",
                result.err());
        assertEquals(PrivateLimits.DEFAULTS.get("sem"), PrivateLimits.read("sem"));
        assertFalse(Files.exists(file));
    }

    /** sysctl reads bytes: a comment in Latin-1 is as good as one in UTF-8, and is kept as it was. */
    @Test
    void keeps_lines_that_are_not_utf8_byte_for_byte() throws IOException {
        String byHand = "# r\u00e9gl\u00e9 \u00e0 la main\nkernel.sem = 1 2 3 4\nvm.swappiness = 10 # \u00e9t\u00e9\n";
        Files.write(file, byHand.getBytes(StandardCharsets.ISO_8859_1));

        ok("sem", "tune", "--semmni", "32001", "--persist=" + file);

        assertArrayEquals(byHand.replace("1 2 3 4", "32000 1024000000 500 32001").getBytes(StandardCharsets.ISO_8859_1),
                Files.readAllBytes(file));
    }

    /**
     * A file on a read-only mount, here in a mount namespace of the child's own (access(2) finds an immutable file
     * the same way).
     */
    @Test
    void a_file_that_cannot_be_replaced_is_found_before_the_kernel_is_changed() throws IOException {
        Files.writeString(file, "vm.swappiness = 10\n");

        IpcProcess.Result result = inOwnMountNamespace("mount --bind \"$0\" \"$0\" && mount -o remount,bind,ro \"$0\"",
                "sem", "tune", "--semmni", "32001", "--persist=" + file);

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("ipc: cannot persist in " + file + ": Read-only file system; nothing changed\n", result.err());
        assertNothingChanged("vm.swappiness = 10\n");
    }

    /**
     * A failure the checks cannot foresee: the rename onto a mount point fails only when it is made. The limits go
     * back to what they were; live limits that the next boot would lose are a trap.
     */
    @Test
    void a_save_that_fails_after_the_kernel_took_the_values_restores_them() throws IOException {
        Files.writeString(file, "vm.swappiness = 10\n");

        IpcProcess.Result result = inOwnMountNamespace("mount --bind \"$0\" \"$0\"",
                "sem", "tune", "--semmni", "32001", "--persist=" + file);

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("ipc: cannot persist in " + file.toRealPath() + ": Device or resource busy; the previous values "
                + "are restored\n", result.err());
        assertNothingChanged("vm.swappiness = 10\n");
    }

    /**
     * Four runs at a time on one file, each with a key of its own, round after round: each run reads the file only
     * when the one before it has replaced it, so every key of every run is there.
     */
    @Test
    void concurrent_runs_on_one_file_keep_every_key() throws IOException {
        for (int round = 1; round <= 5; round++) {
            List<IpcProcess> runs = List.of(
                    IpcProcess.start("msg", "tune", "--msgmax", Integer.toString(8192 + round), "--persist=" + file),
                    IpcProcess.start("shm", "tune", "--shmmni", Integer.toString(4096 + round), "--persist=" + file),
                    IpcProcess.start("sem", "tune", "--semmni", Integer.toString(32000 + round), "--persist=" + file),
                    IpcProcess.start("msg", "tune", "--msgmnb", Integer.toString(16384 + round), "--persist=" + file));
            for (IpcProcess run : runs) {
                run.closeInput();
            }
            for (IpcProcess run : runs) {
                IpcProcess.Result result = run.await(60);
                assertEquals(0, result.exitCode(), result.toString());
            }

            assertEquals(Map.of("kernel.msgmax", Integer.toString(8192 + round),
                            "kernel.shmmni", Integer.toString(4096 + round),
                            "kernel.sem", "32000 1024000000 500 " + (32000 + round),
                            "kernel.msgmnb", Integer.toString(16384 + round)),
                    SysctlConf.settingsIn(file), "round " + round + ":\n" + Files.readString(file));
        }
        assertEquals(List.of(file), filesIn(sysctlD), "a temporary or lock file was left behind");
    }

    /** Runs ipc in this IPC namespace but a mount namespace of its own, set up by a shell script given the file. */
    private IpcProcess.Result inOwnMountNamespace(String script, String... args) {
        Assumptions.assumeTrue(Processes.onPath("unshare"), "unshare (util-linux) is not installed");
        IpcProcess process = IpcProcess.start(List.of("unshare", "--mount", "sh", "-c",
                script + " && exec \"$@\"", file.toString()), SelfCommand.of(args));
        process.closeInput();
        return process.await(60);
    }

    /** The limits are the defaults still, the file holds what it held, and no temporary file is left. */
    private void assertNothingChanged(String text) throws IOException {
        assertEquals(PrivateLimits.DEFAULTS.get("sem"), PrivateLimits.read("sem"));
        assertEquals(text, Files.readString(file));
        assertEquals(List.of(file), filesIn(sysctlD), "a temporary file was left behind");
    }

    private static List<Path> filesIn(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.sorted().toList();
        }
    }

    /** What the system calls show: the temporary file is synced, renamed over the file, then the directory synced. */
    @Test
    void syncs_the_file_renames_it_into_place_and_syncs_the_directory() throws IOException {
        Assumptions.assumeTrue(Processes.onPath("strace"), "strace is not installed (.ci/run installs it)");
        Path trace = root.resolve("trace");
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-y", "-o", trace.toString(),
                "-e", "trace=openat,fsync,fdatasync,rename,renameat,renameat2"));
        command.addAll(SelfCommand.of("sem", "tune", "--persist"));

        CommandResult result = Processes.run(command);

        assertEquals(0, result.exitCode(), result.toString());
        String dir = sysctlD.toRealPath().toString();
        String target = dir + "/60-ipc-limits.conf";
        List<String> lines = Files.readAllLines(trace);
        int fileSync = -1;
        int rename = -1;
        int dirSync = -1;
        String temporary = null;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher synced = Pattern.compile("fsync\\(\\d+<" + Pattern.quote(dir) + "/([^/>]+)>").matcher(line);
            if (synced.find()) { // "unfinished" calls of other threads may cut a line short: match its start only
                fileSync = i;
                temporary = synced.group(1);
            } else if (line.contains(" rename") && line.contains("\"" + target + "\"")) {
                rename = i;
            } else if (line.contains("fsync(") && line.contains("<" + dir + ">")) {
                dirSync = i;
            }
        }
        assertTrue(fileSync >= 0 && rename > fileSync && dirSync > rename,
                "expected fsync(temporary) < rename < fsync(directory), got " + fileSync + ", " + rename + ", "
                        + dirSync + " in\n" + String.join("\n", lines.stream().filter(l -> l.contains(dir)).toList()));
        assertTrue(temporary.startsWith(".60-ipc-limits.conf.") && !temporary.endsWith(".conf"), temporary);
        assertTrue(lines.get(rename).contains("\"" + dir + "/" + temporary + "\""), lines.get(rename));
        assertTrue(Files.readString(file).endsWith("kernel.sem = 32000 1024000000 500 32000\n"));
    }
}

// Tune reads what it knows of the machine (memory, boot parameters, namespace) through SystemPaths, so copies steer it.
package dev.ipc.tune;

import dev.ipc.procfs.IpcNamespace;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static dev.ipc.tune.Runs.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(PrivateLimits.class)
class TuneMachineTest {
    @TempDir
    Path dir;

    @AfterEach
    void realMachine() {
        System.clearProperty("ipc.proc.meminfo");
        System.clearProperty("ipc.proc.cmdline");
        System.clearProperty("ipc.proc.ns.ipc");
    }

    @Test
    void a_preset_without_ram_takes_memtotal_from_the_meminfo_it_is_given() throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"),
                "MemTotal:       67108864 kB\nMemFree:         1048576 kB\n");
        System.setProperty("ipc.proc.meminfo", meminfo.toString());

        String out = ok("shm", "tune", "--preset", "oracle").out();

        assertTrue(out.startsWith("Oracle Database with 64G of memory (68719476736 bytes)\n"), out);
    }

    @Test
    void a_meminfo_without_memtotal_fails_naming_the_file_and_changes_nothing() throws IOException {
        Path meminfo = Files.writeString(dir.resolve("meminfo"), "MemFree: 1048576 kB\n");
        System.setProperty("ipc.proc.meminfo", meminfo.toString());

        CommandResult result = Ipc.run("shm", "tune", "--preset", "oracle", "--apply");

        assertEquals(1, result.exitCode(), result.toString());
        assertEquals("ipc: " + meminfo + ": no MemTotal line; give --ram SIZE\n", result.err());
        assertEquals(PrivateLimits.DEFAULTS, PrivateLimits.read());
    }

    @Test
    void ipcmni_extend_on_the_command_line_it_is_given_widens_the_range_of_identifier_counts() throws IOException {
        Path cmdline = Files.writeString(dir.resolve("cmdline"), "BOOT_IMAGE=/vmlinuz ro ipcmni_extend quiet\n");
        System.setProperty("ipc.proc.cmdline", cmdline.toString());

        CommandResult result = ok("sem", "tune", "--semmni", "32769", "--dry-run");

        assertTrue(result.out().startsWith("SEMMNI 32000 -> 32769\n"), result.out());
        assertEquals(PrivateLimits.DEFAULTS, PrivateLimits.read());
    }

    @Test
    void a_namespace_link_that_names_the_initial_namespace_leaves_out_the_namespace_note() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("ipc"), Path.of(IpcNamespace.INITIAL));
        System.setProperty("ipc.proc.ns.ipc", link.toString());

        String out = ok("msg", "tune").out();

        assertFalse(out.contains("IPC namespace"), out);
    }
}

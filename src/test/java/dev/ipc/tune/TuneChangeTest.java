// With values, tune checks them, changes the kernel's limits, reads them back and reports old -> new.
package dev.ipc.tune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.procfs.IpcNamespace;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Kernel;
import dev.ipc.libc.Errno;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.PageSize;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

import static dev.ipc.tune.Runs.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(PrivateLimits.class)
class TuneChangeTest {
    private static final String NAMESPACE_NOTE = "IPC namespace "
            + IpcNamespace.read(SystemPaths.fromSystemProperties().ipcNamespace()).id()
            + " is not the initial one: the change applies to this namespace only.\n";

    private static CommandResult refused(String... args) {
        Map<String, String> before = PrivateLimits.read();
        CommandResult result = Ipc.run(args);
        assertEquals(1, result.exitCode(), result.toString());
        if (!Arrays.asList(args).contains("--json")) {
            assertEquals("", result.out(), result.toString());
        }
        assertEquals(before, PrivateLimits.read(), "a refused command changed a limit");
        return result;
    }

    @Test
    void changes_only_the_named_value_and_keeps_the_rest() {
        CommandResult result = ok("sem", "tune", "--semmni", "32001");

        assertEquals("SEMMNI 32000 -> 32001\n" + NAMESPACE_NOTE, result.out());
        assertEquals("", result.err());
        assertEquals("32000 1024000000 500 32001", PrivateLimits.read("sem"));
    }

    @Test
    void takes_all_values_in_the_kernels_order() {
        CommandResult result = ok("sem", "tune", "32001", "1024000001", "501", "32002");

        assertEquals("SEMMSL 32000 -> 32001\n"
                + "SEMMNS 1024000000 -> 1024000001\n"
                + "SEMOPM 500 -> 501\n"
                + "SEMMNI 32000 -> 32002\n" + NAMESPACE_NOTE, result.out());
        assertEquals("32001 1024000001 501 32002", PrivateLimits.read("sem"));
    }

    @Test
    void takes_message_queue_values_in_the_order_msgmax_msgmnb_msgmni() {
        ok("msg", "tune", "8193", "16385", "32001");

        assertEquals("8193", PrivateLimits.read("msgmax"));
        assertEquals("16385", PrivateLimits.read("msgmnb"));
        assertEquals("32001", PrivateLimits.read("msgmni"));
    }

    @Test
    void says_which_values_are_unchanged() {
        assertEquals("MSGMNI 32000 (unchanged)\n" + NAMESPACE_NOTE, ok("msg", "tune", "--msgmni", "32000").out());
    }

    @Test
    void a_dry_run_shows_the_change_and_changes_nothing() {
        CommandResult result = ok("sem", "tune", "--semmni", "32001", "--dry-run");

        assertEquals("SEMMNI 32000 -> 32001\n" + NAMESPACE_NOTE + "dry run: nothing changed\n", result.out());
        assertEquals(PrivateLimits.DEFAULTS.get("sem"), PrivateLimits.read("sem"));
    }

    @Test
    void a_dry_run_still_refuses_what_the_real_run_would_refuse() {
        refused("sem", "tune", "--semmni", "128", "--dry-run");
    }

    @Test
    void refuses_to_lower_a_limit_without_force_and_says_what_would_break() {
        CommandResult result = refused("sem", "tune", "250", "32000", "100", "128");

        assertEquals("ipc: refusing: lowering SEMMSL from 32000 to 250: semget of a set of more than 250 semaphores "
                + "would fail with EINVAL\n"
                + "ipc: refusing: lowering SEMMNS from 1024000000 to 32000: semget would fail with ENOSPC once 32000 "
                + "semaphores exist in all sets\n"
                + "ipc: refusing: lowering SEMOPM from 500 to 100: semop with more than 100 operations in one call "
                + "would fail with E2BIG\n"
                + "ipc: refusing: lowering SEMMNI from 32000 to 128: semget would fail with ENOSPC once 128 sets "
                + "exist; nothing changed (--force sets them anyway)\n", result.err());
    }

    @Test
    void lowers_with_force_and_warns() {
        CommandResult result = ok("sem", "tune", "--semmni", "128", "--force");

        assertEquals("SEMMNI 32000 -> 128\n" + NAMESPACE_NOTE, result.out());
        assertEquals("ipc: warning: SEMMNS 1024000000 is more than SEMMSL x SEMMNI = 4096000: no more than 4096000 "
                + "semaphores can ever exist\n"
                + "ipc: warning: lowering SEMMNI from 32000 to 128: semget would fail with ENOSPC once 128 sets "
                + "exist (--force)\n", result.err());
        assertEquals("32000 1024000000 500 128", PrivateLimits.read("sem"));
    }

    @Test
    void refuses_a_value_below_what_is_in_use_and_the_kernel_proves_why() {
        for (int i = 0; i < 3; i++) {
            Kernel.createSemaphores(0, 1, 0600);
        }

        CommandResult result = refused("sem", "tune", "--semmni", "2");
        assertEquals("ipc: warning: SEMMNS 1024000000 is more than SEMMSL x SEMMNI = 64000: no more than 64000 "
                + "semaphores can ever exist\n"
                + "ipc: refusing: lowering SEMMNI from 32000 to 2: 3 sets exist, so every semget that creates a "
                + "set would fail with ENOSPC until fewer than 2 exist; nothing changed (--force sets it anyway)\n",
                result.err());

        ok("sem", "tune", "--semmni", "2", "--force");
        NativeCallException e = assertThrows(NativeCallException.class, () -> Kernel.createSemaphores(0, 1, 0600));
        assertEquals(Errno.ENOSPC, e.errno());
    }

    @Test
    void refuses_a_set_size_below_the_largest_set() {
        int id = Kernel.createSemaphores(0, 10, 0600);

        CommandResult result = refused("sem", "tune", "--semmsl", "5");

        assertTrue(result.err().contains("lowering SEMMSL from 32000 to 5: a set of 10 semaphores exists (id " + id
                + "), so a program that creates a set that large again would fail with EINVAL"), result.err());
    }

    @Test
    void refuses_a_segment_size_below_the_largest_segment() {
        Kernel.createSegment(0, 1 << 20, 0600);

        CommandResult result = refused("shm", "tune", "--shmmax", "512K");

        assertTrue(result.err().contains("a segment of 1048576 bytes exists"), result.err());
    }

    @Test
    void warns_about_values_that_contradict_each_other() {
        assertEquals("ipc: warning: MSGMAX 65536 is more than MSGMNB 16384: a message of more than 16384 bytes "
                        + "never fits in a new queue, and msgsnd of one blocks forever (or fails with EAGAIN under "
                        + "IPC_NOWAIT)\n",
                ok("msg", "tune", "--msgmax", "65536").err());
        assertTrue(ok("sem", "tune", "10", "200", "32", "10", "--force").err()
                .contains("warning: SEMMNS 200 is more than SEMMSL x SEMMNI = 100: no more than 100 semaphores can "
                        + "ever exist\n"));
        assertTrue(ok("sem", "tune", "--semmsl", "250").err()
                .contains("warning: SEMMNS 200 is less than SEMMSL 250: a set of more than 200 semaphores can never "
                        + "be created\n"));
        assertTrue(ok("sem", "tune", "--semopm", "2000").err().contains("warning: SEMOPM 2000 is above 1000"));
        long page = PageSize.get();
        assertTrue(ok("shm", "tune", "--shmmax", "16G", "--shmall", "1G", "--force").err()
                .contains("warning: SHMALL " + (1L << 30) / page + " pages of " + page + " bytes = 1073741824 bytes "
                        + "is less than SHMMAX 17179869184: no segment larger than 1073741824 bytes can be "
                        + "created\n"));
        assertTrue(ok("msg", "tune", "--msgmni", "0", "--force").err()
                .contains("warning: MSGMNI is 0: no message queue can be created\n"));
    }

    @Test
    void takes_shared_memory_sizes_with_suffixes_and_shmall_in_bytes_or_pages() {
        long page = PageSize.get();
        ok("shm", "tune", "--shmmax", "16G", "--shmall", "32G", "--force");
        assertEquals(Long.toString(16L << 30), PrivateLimits.read("shmmax"));
        assertEquals(Long.toString((32L << 30) / page), PrivateLimits.read("shmall"));

        ok("shm", "tune", "--shmall", "9000000");
        assertEquals("9000000", PrivateLimits.read("shmall"));

        ok("shm", "tune", "--shmmax", "18446744073709551615");
        assertEquals("18446744073709551615", PrivateLimits.read("shmmax"));
    }

    @Test
    void refuses_auto_msgmni_with_the_reason() {
        for (String option : new String[] {"--auto-msgmni", "--auto_msgmni=1"}) {
            CommandResult result = Ipc.run("msg", "tune", option);
            assertEquals(2, result.exitCode());
            assertEquals("ipc: auto_msgmni has had no effect since Linux 3.19, where MSGMNI stopped following the "
                    + "memory size; set --msgmni instead\n", result.err());
        }
    }

    @Test
    void json_reports_each_change() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ok("sem", "tune", "--semmni", "32001", "--semmsl", "32000",
                "--json").out());

        assertEquals(false, json.get("dry_run").asBoolean());
        JsonNode changes = json.get("changes");
        assertEquals(2, changes.size());
        assertEquals("SEMMSL", changes.get(0).get("name").asText());
        assertEquals(false, changes.get(0).get("changed").asBoolean());
        assertEquals("SEMMNI", changes.get(1).get("name").asText());
        assertEquals(32000, changes.get(1).get("old").asLong());
        assertEquals(32001, changes.get(1).get("new").asLong());
        assertEquals(true, changes.get(1).get("changed").asBoolean());
    }

    @Test
    void json_reports_a_refusal_on_stdout_as_well() throws Exception {
        CommandResult result = refused("sem", "tune", "--semmni", "128", "--json");
        JsonNode json = new ObjectMapper().readTree(result.out());

        assertEquals("sem", json.get("group").asText());
        assertEquals("lowering SEMMNI from 32000 to 128: semget would fail with ENOSPC once 128 sets exist",
                json.get("refused").get(0).asText());
        assertTrue(result.err().startsWith("ipc: refusing: lowering SEMMNI"), result::toString);
    }

    /**
     * The kernel's own files always read back what they took; a stand-in directory of regular files (moved there
     * with ipc.proc.kernel) reads back a longer old line under a shorter new one, as a file that did not take it.
     */
    @Test
    void exits_non_zero_and_restores_when_the_values_do_not_read_back(@TempDir Path kernel) throws Exception {
        String old = "32000 1024000000 500 32000\n";
        Files.writeString(kernel.resolve("sem"), old);
        System.setProperty("ipc.proc.kernel", kernel.toString());
        try {
            CommandResult result = Ipc.run("sem", "tune", "--semmni", "3", "--force");

            assertEquals(1, result.exitCode(), result.toString());
            assertTrue(result.err().endsWith("ipc: could not read the limits back: " + kernel.resolve("sem")
                    + ": expected 4 numbers, read 5; the previous values are restored\n"), result.err());
            assertEquals(old, Files.readString(kernel.resolve("sem")));
        } finally {
            System.clearProperty("ipc.proc.kernel");
        }
    }
}

// --ns PID|PATH: every command works in the IPC namespace named, and changes nothing elsewhere.
package dev.ipc.ns;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.NamespaceHolder;
import dev.ipc.support.Processes;
import dev.ipc.support.Unprivileged;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamespaceOptionTest {
    private static NamespaceHolder holder;

    @BeforeAll
    static void startNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Assumptions.assumeTrue(Processes.onPath("nsenter") && Processes.onPath("ipcmk"), "needs nsenter and ipcmk");
        Kernel.removeAll();
        holder = NamespaceHolder.start(String.join("\n",
                "ipcmk -Q -p 0640",
                "ipcmk -Q -p 0600",
                "ipcmk -M 8192 -p 0644",
                "ipcmk -M 100000 -p 0600",
                "ipcmk -S 3 -p 0666",
                "echo 123 > /proc/sys/kernel/msgmni"));
    }

    @AfterAll
    static void stopNamespace() {
        if (holder != null) {
            holder.close();
        }
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.removeAll();
        }
    }

    @ParameterizedTest(name = "ipc ls --ns PID {0}")
    @ValueSource(strings = {"", "-a", "-q", "-m", "-s", "-t", "-p", "-c", "-l", "-u", "-b", "--human", "-m -t",
            "-q -p", "-s -c", "-l -b", "-u --human", "-qmst"})
    void a_listing_is_byte_for_byte_what_nsenter_ipcs_prints(String options) {
        String[] args = options.isEmpty() ? new String[0] : options.split(" ");
        CommandResult theirs = holder.inside(concat(List.of("ipcs"), args));
        CommandResult ours = Ipc.run(concat(List.of("ls", "--ns", holder.pidText()), args));
        assertEquals(theirs.out(), ours.out(), () -> "ipcs " + options + "\n" + ours);
        assertEquals("", ours.err());
        assertEquals(0, ours.exitCode());
    }

    @Test
    void one_object_and_the_namespace_file_itself_name_the_same_namespace() {
        CommandResult theirs = holder.inside("ipcs", "-s", "-i", "0");
        assertEquals(theirs.out(), Ipc.run("ls", "-s", "-i", "0", "--ns", holder.pidText()).out());
        String file = "/proc/" + holder.pidText() + "/ns/ipc";
        assertEquals(holder.inside("ipcs", "-m").out(), Ipc.run("ls", "-m", "--ns=" + file).out());
        assertEquals(holder.inside("ipcs", "-q").out(), Ipc.run("--ns", file, "ls", "-q").out());
    }

    @Test
    void the_namespace_own_limits_are_shown_and_tuned_there_only() throws IOException {
        String ours = Files.readString(Path.of("/proc/sys/kernel/msgmni"));
        CommandResult shown = Ipc.run("msg", "tune", "--ns", holder.pidText(), "--json");
        assertTrue(shown.out().contains("\"sysctl\" : \"kernel.msgmni\",")
                && shown.out().contains("\"value\" : 123,"), shown::toString);
        CommandResult tuned = Ipc.run("msg", "tune", "--ns", holder.pidText(), "--msgmni", "150");
        assertEquals(0, tuned.exitCode(), tuned::toString);
        assertEquals("150\n", holder.inside("cat", "/proc/sys/kernel/msgmni").out());
        assertEquals(ours, Files.readString(Path.of("/proc/sys/kernel/msgmni")), "this namespace's limit");
        Ipc.run("msg", "tune", "--ns", holder.pidText(), "--msgmni", "123", "--force");
    }

    @Test
    void mk_and_rm_change_the_namespace_named_only() {
        int here = Kernel.createQueue(0x5a5a, 0600);
        CommandResult made = Ipc.run("mk", "--ns", holder.pidText(), "-Q", "--key", "0x5a5a", "--exclusive");
        assertEquals(0, made.exitCode(), made::toString);
        assertTrue(holder.inside("ipcs", "-q").out().contains("0x00005a5a"), "made in the namespace");
        CommandResult removed = Ipc.run("rm", "--ns", holder.pidText(), "-Q", "0x5a5a");
        assertEquals(0, removed.exitCode(), removed::toString);
        assertFalse(holder.inside("ipcs", "-q").out().contains("0x00005a5a"), "removed from the namespace");
        assertTrue(dev.ipc.libc.SystemVCalls.messageQueue(here).isPresent(), "the queue with the same key here is untouched");
        Kernel.removeQueue(here);
    }

    @Test
    void messages_and_semaphores_are_used_in_the_namespace() throws IOException {
        int queue = Integer.parseInt(holder.inside("ipcs", "-q").out().lines()
                .filter(line -> line.startsWith("0x")).findFirst().orElseThrow().split(" +")[1]);
        String id = Integer.toString(queue);
        assertEquals(0, Ipc.run("msg", "send", "--ns", holder.pidText(), "--id", id, "hello").exitCode());
        CommandResult received = Ipc.run("msg", "recv", "--ns", holder.pidText(), "--id", id, "--nowait");
        assertEquals("1\thello\n", received.out(), received::toString);
        assertEquals(0, Ipc.run("sem", "set", "--ns", holder.pidText(), "--id", "0", "1", "2", "3").exitCode());
        assertEquals("1 2 3\n", Ipc.run("sem", "get", "--ns", holder.pidText(), "--id", "0").out());
        assertEquals(1, Files.readAllLines(Path.of("/proc/sysvipc/sem")).size(), "no set here, only the heading");
    }

    @Test
    void metrics_count_the_namespace_objects_and_label_every_sample_with_it() {
        CommandResult result = Ipc.run("metrics", "--ns", holder.pidText());
        assertEquals(0, result.exitCode(), result::toString);
        String label = "{namespace=\"" + holder.namespace() + "\"";
        assertTrue(result.out().contains("ipc_objects" + label + ",kind=\"queue\"} 2\n"), result::toString);
        assertTrue(result.out().contains("ipc_objects" + label + ",kind=\"segment\"} 2\n"), result::toString);
        result.out().lines().filter(line -> !line.startsWith("#"))
                .forEach(line -> assertTrue(line.contains(label), line));
    }

    @ParameterizedTest(name = "--ns {0}")
    @ValueSource(strings = {"999999999", "/etc/passwd", "/proc/self/ns/mnt", "/no/such/file", "", "0"})
    void a_value_that_names_no_ipc_namespace_is_one_line_and_nothing_done(String value) {
        int here = Kernel.createQueue(0x6b6b, 0600);
        for (List<String> line : List.of(List.of("rm", "-Q", "0x6b6b"), List.of("msg", "tune", "--msgmni", "99"),
                List.of("ls"))) {
            List<String> args = new ArrayList<>(line);
            args.addAll(List.of("--ns", value));
            CommandResult result = Ipc.run(args.toArray(new String[0]));
            assertEquals(line.get(0).equals("msg") ? 2 : 1, result.exitCode(), result::toString);
            assertEquals("", result.out());
            assertEquals(1, result.err().lines().count(), result::toString);
            assertTrue(result.err().startsWith("ipc: --ns: "), result::toString);
            assertTrue(result.err().contains(value), result::toString);
        }
        assertTrue(dev.ipc.libc.SystemVCalls.messageQueue(here).isPresent());
        Kernel.removeQueue(here);
    }

    @Test
    void without_permission_it_is_one_line_and_nothing_done() {
        Assumptions.assumeTrue(Unprivileged.unavailableReason() == null, Unprivileged::unavailableReason);
        String before = holder.inside("ipcs", "-q").out();
        CommandResult result = Processes.run(Unprivileged.ipc("rm", "--ns", holder.pidText(), "--all"));
        assertEquals(1, result.exitCode(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith("ipc: --ns: "), result::toString);
        assertEquals(before, holder.inside("ipcs", "-q").out());
    }

    @Test
    void posix_shared_memory_is_not_changed_through_another_namespace() {
        CommandResult result = Ipc.run("mk", "--ns", holder.pidText(), "--posix-shmem", "4096", "--name", "nsx");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("mount namespace"), result::toString);
        assertFalse(Files.exists(Path.of("/dev/shm/nsx")));
    }

    @Test
    void fifo_commands_take_no_namespace() {
        CommandResult result = Ipc.run("fifo", "send", "--ns", holder.pidText(), "ping");
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
    }

    private static String[] concat(List<String> first, String... rest) {
        List<String> all = new ArrayList<>(first);
        all.addAll(Arrays.asList(rest));
        return all.toArray(new String[0]);
    }
}

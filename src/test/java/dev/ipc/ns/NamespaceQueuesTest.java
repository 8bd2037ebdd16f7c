// POSIX message queues under --ns are the named IPC namespace's own, also when its process shares our mount
// namespace (a plain unshare --ipc), where /proc/PID/root/dev/mqueue shows our own queues.
package dev.ipc.ns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.CPrograms;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Holders;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.NamespaceHolder;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamespaceQueuesTest {
    private static final String TAG = "ipc-ns-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String THEIRS = "/" + TAG + "-theirs";
    private static final String OURS = "/" + TAG + "-ours";
    /** A queue of this name in both namespaces, each kept open by a process of its own namespace. */
    private static final String SHARED = "/" + TAG + "-shared";
    private static Path tool;
    private static Path state;
    private static NamespaceHolder holder;
    private static long theirOpener;

    @RegisterExtension
    final Holders holders = new Holders();

    @BeforeAll
    static void start() throws IOException {
        Isolation.requirePrivateIpcNamespace();
        tool = CPrograms.build("posix_objects");
        CommandResult made = Processes.run(List.of(tool.toString(), "mq", OURS, "4", "64", "ours"));
        assertEquals(0, made.exitCode(), made::toString);
        state = Files.createTempDirectory("ipc-ns-queues");
        holder = NamespaceHolder.start(String.join("\n",
                tool + " mq " + THEIRS + " 3 32 one two",
                CPrograms.build("holders") + " mqopen " + SHARED + " > " + state.resolve("ready") + " &",
                "echo $! > " + state.resolve("pid"),
                "while ! grep -qs ready " + state.resolve("ready") + "; do sleep 0.05; done"));
        theirOpener = Long.parseLong(Files.readString(state.resolve("pid")).trim());
    }

    @AfterAll
    static void stop() throws IOException {
        if (theirOpener > 0) {
            ProcessHandle.of(theirOpener).ifPresent(ProcessHandle::destroyForcibly);
        }
        if (holder != null) {
            holder.close();
        }
        if (tool != null) {
            Processes.run(List.of(tool.toString(), "unlink-mq", OURS));
        }
        if (state != null) {
            Files.deleteIfExists(state.resolve("ready"));
            Files.deleteIfExists(state.resolve("pid"));
            Files.deleteIfExists(state);
        }
    }

    @Test
    void the_holder_shares_our_mount_namespace_so_its_root_shows_our_queues() throws IOException {
        // the case the namespace's own mount is needed for; our mqueue mount is /dev/mqueue, or a folder of /tmp
        // where the machine has no /dev/mqueue (see src/test/isolated-jvm)
        assertEquals(Files.readSymbolicLink(Path.of("/proc/self/ns/mnt")),
                Files.readSymbolicLink(Path.of("/proc", holder.pidText(), "ns", "mnt")));
        String ourMount = System.getProperty("ipc.dev.mqueue", "/dev/mqueue").substring(1);
        assertTrue(Files.exists(Path.of("/proc", holder.pidText(), "root", ourMount, OURS.substring(1))));
    }

    @Test
    void ls_ns_lists_the_namespace_queue_with_its_messages_and_not_ours() throws IOException {
        CommandResult result = Ipc.run("ls", "--ns", holder.pidText(), "-Q", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("", result.err());
        List<String> names = new ArrayList<>();
        JsonNode theirs = null;
        for (JsonNode queue : new ObjectMapper().readTree(result.out()).get("posix-mqueues")) {
            names.add(queue.get("name").asText());
            if (queue.get("name").asText().equals(THEIRS)) {
                theirs = queue;
            }
        }
        assertEquals(List.of(SHARED, THEIRS), names, result::toString);
        assertEquals(2, theirs.get("msgs").asLong(), theirs::toString);
        assertEquals(3, theirs.get("maxmsgs").asLong(), theirs::toString);
    }

    @Test
    void our_own_listing_is_unchanged() {
        CommandResult result = Ipc.run("ls", "-Q");
        assertTrue(result.out().contains(OURS + " "), result::toString);
        assertFalse(result.out().contains(THEIRS), result::toString);
    }

    @Test
    void the_limits_table_counts_the_namespace_queues() {
        CommandResult result = Ipc.run("ls", "--ns", holder.pidText(), "-g", "--raw", "-o", "RESOURCE,USED");
        assertTrue(result.out().lines().anyMatch(line -> line.equals("MQUMNI 2")), result::toString);
    }

    @Test
    void ls_all_namespaces_lists_each_namespace_queues_on_rows_that_name_it() throws IOException {
        CommandResult result = Ipc.run("ls", "-A", "-Q", "--noheadings", "-o", "NAME");
        String theirs = holder.namespace().replaceAll("\\D", "");
        String ours = Files.readSymbolicLink(Path.of("/proc/self/ns/ipc")).toString().replaceAll("\\D", "");
        assertEquals(List.of(theirs + " " + SHARED, theirs + " " + THEIRS), result.out().lines()
                .filter(line -> line.startsWith(theirs + " ")).toList(), result::toString);
        assertTrue(result.out().lines().filter(line -> line.startsWith(ours + " "))
                .anyMatch(line -> line.equals(ours + " " + OURS)), result::toString);
        assertFalse(result.out().contains(ours + " " + THEIRS), result::toString);
    }

    @Test
    void who_finds_the_process_that_holds_the_namespace_queue_open_and_not_ours() throws IOException {
        Process ours = holders.hold("mqopen", SHARED);
        try {
            CommandResult result = Ipc.run("who", "--ns", holder.pidText(), "--posix-mqueue", SHARED, "--json");
            assertEquals(0, result.exitCode(), result::toString);
            List<Long> users = new ArrayList<>();
            new ObjectMapper().readTree(result.out()).get("objects").get(0).get("users")
                    .forEach(user -> users.add(user.get("pid").asLong()));
            assertEquals(List.of(theirOpener), users, result::toString);
            CommandResult here = Ipc.run("who", "--posix-mqueue", SHARED, "--json");
            assertTrue(here.out().contains("\"pid\" : " + ours.pid() + ","), here::toString);
            assertFalse(here.out().contains("\"pid\" : " + theirOpener + ","), here::toString);
        } finally {
            ours.destroyForcibly();
            Processes.run(List.of(tool.toString(), "unlink-mq", SHARED));
        }
    }

    @Test
    void mk_and_rm_of_a_posix_queue_change_the_namespace_named_only() {
        String name = "/" + TAG + "-made";
        CommandResult ours = Processes.run(List.of(tool.toString(), "mq", name, "2", "16"));
        assertEquals(0, ours.exitCode(), ours::toString);
        try {
            CommandResult made = Ipc.run("mk", "--ns", holder.pidText(), "--posix-mqueue", "--name", name,
                    "--exclusive");
            assertEquals(0, made.exitCode(), "our queue of that name is not the namespace's: " + made);
            assertTrue(Ipc.run("ls", "--ns", holder.pidText(), "-Q").out().contains(name + " "));
            CommandResult removed = Ipc.run("rm", "--ns", holder.pidText(), "--posix-mqueue", name);
            assertEquals(0, removed.exitCode(), removed::toString);
            assertFalse(Ipc.run("ls", "--ns", holder.pidText(), "-Q").out().contains(name + " "));
            assertTrue(Ipc.run("ls", "-Q").out().contains(name + " "), "ours is untouched");
        } finally {
            Processes.run(List.of(tool.toString(), "unlink-mq", name));
        }
    }
}

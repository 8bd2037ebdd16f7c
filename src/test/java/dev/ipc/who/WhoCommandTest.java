// ipc who against real processes that hold and wait on real objects, in the test JVM's private namespaces.
package dev.ipc.who;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.procfs.IpcSyscalls;
import dev.ipc.support.Holders;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Kernel;
import dev.ipc.support.TestObjects;
import dev.ipc.support.Unprivileged;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WhoCommandTest {
    @RegisterExtension
    final TestObjects objects = new TestObjects("who");

    @RegisterExtension
    final Holders holders = new Holders();

    private static final IpcSyscalls CALLS = Holders.CALLS;

    private Process hold(String... args) {
        return holders.hold(args);
    }

    private static void awaitCall(Process process, int number, String what) {
        Holders.awaitCall(process, number, what);
    }

    private static JsonNode json(String... args) throws IOException {
        CommandResult result = Ipc.run(args);
        assertEquals(0, result.exitCode(), result::toString);
        return new ObjectMapper().readTree(result.out());
    }

    /** "PID role" of each user of the one object the JSON shows. */
    private static List<String> roles(JsonNode document) {
        assertEquals(1, document.get("objects").size(), document::toPrettyString);
        List<String> roles = new ArrayList<>();
        for (JsonNode user : document.get("objects").get(0).get("users")) {
            roles.add(user.get("pid").asLong() + " " + user.get("role").asText());
        }
        return roles;
    }

    @Test
    void a_child_attached_twice_counts_as_one_process_with_two_attachments() throws Exception {
        int segment = Kernel.createSegment(0x7701, 8192, 0600);
        Process child = hold("attach2", Integer.toString(segment));

        JsonNode document = json("who", "-m", Integer.toString(segment), "--json");
        assertEquals(List.of(child.pid() + " attached"), roles(document));
        JsonNode object = document.get("objects").get(0);
        assertEquals(2, object.get("nattch").asInt());
        assertEquals(1, object.get("processes").asInt());
        assertEquals("0x00007701", object.get("key").asText());
        JsonNode user = object.get("users").get(0);
        assertEquals(2, user.get("count").asInt());
        assertTrue(user.get("writable").asBoolean());
        assertTrue(user.get("command").asText().endsWith("holders attach2 " + segment), user::toString);

        CommandResult text = Ipc.run("who", "-M", "0x7701");
        assertEquals(0, text.exitCode(), text::toString);
        assertTrue(text.out().startsWith("shared memory segment " + segment
                + ", key 0x00007701: 2 attachments, 1 process\n"), text::toString);
        assertTrue(text.out().contains(child.pid() + " root     attached 2 times, read-write, RSS"), text::toString);
        assertTrue(text.out().contains("creator " + ProcessHandle.current().pid() + " alive"), text::toString);
    }

    @Test
    void a_removed_segment_still_attached_is_found_by_the_key_it_was_created_with() throws Exception {
        int segment = Kernel.createSegment(0x7702, 4096, 0600);
        Process child = hold("attach2", Integer.toString(segment));
        Kernel.removeSegment(segment);

        JsonNode document = json("who", "-M", "0x7702", "--json");
        assertEquals(List.of(child.pid() + " attached"), roles(document));
        assertTrue(document.get("objects").get(0).get("removed").asBoolean());
    }

    @Test
    void a_process_blocked_in_semop_waits_with_its_operation() throws Exception {
        int set = Kernel.createSemaphores(0x7703, 3, 0600);
        Process child = hold("semop", Integer.toString(set), "2", "-1");
        awaitCall(child, CALLS.semtimedop(), "semop sleeps");

        JsonNode document = json("who", "-s", Integer.toString(set), "--json");
        assertEquals(List.of(child.pid() + " waiting"), roles(document));
        JsonNode operation = document.get("objects").get(0).get("users").get(0).get("operations").get(0);
        assertEquals(2, operation.get("semnum").asInt());
        assertEquals(-1, operation.get("op").asInt());
        CommandResult text = Ipc.run("who", "-S", "0x7703");
        assertTrue(text.out().contains("waiting: semaphore 2 -1"), text::toString);
    }

    @Test
    void a_process_blocked_in_msgrcv_receives_with_the_type_it_asked_for() throws Exception {
        int queue = Kernel.createQueue(0x7704, 0600);
        Process child = hold("msgrcv", Integer.toString(queue), "42");
        awaitCall(child, CALLS.msgrcv(), "msgrcv sleeps");

        JsonNode document = json("who", "-q", Integer.toString(queue), "--json");
        assertEquals(List.of(child.pid() + " receiving"), roles(document));
        assertEquals(42, document.get("objects").get(0).get("users").get(0).get("msgtype").asLong());
        CommandResult text = Ipc.run("who", "-Q", "0x7704");
        assertTrue(text.out().contains("receiving type 42"), text::toString);
    }

    @Test
    void posix_objects_are_matched_by_device_and_inode() throws Exception {
        String segment = objects.posixName();
        String queue = objects.posixName();
        String semaphore = objects.posixName();
        Process mapper = hold("pshm", segment, "8192");
        Process opener = hold("mqopen", queue);
        Process waiter = hold("psem", semaphore);
        awaitCall(waiter, CALLS.futex(), "sem_wait sleeps");

        JsonNode all = json("who", "--json");
        List<String> seen = new ArrayList<>();
        for (JsonNode object : all.get("objects")) {
            for (JsonNode user : object.get("users")) {
                seen.add(object.get("kind").asText() + " " + object.get("name").asText() + " "
                        + user.get("pid").asLong() + " " + user.get("role").asText());
            }
        }
        // unlinked while mapped: no name any more, only the path the process sees
        assertTrue(seen.contains("pshm /dev/shm" + segment + " (deleted) " + mapper.pid() + " mapped"),
                seen::toString);
        assertTrue(seen.contains("pmsg " + queue + " " + opener.pid() + " open"), seen::toString);
        // glibc maps the semaphore under a temporary name: the creator is found by inode, under its real name
        assertTrue(seen.contains("psem " + semaphore + " " + waiter.pid() + " mapped"), seen::toString);
        assertTrue(seen.contains("psem " + semaphore + " " + waiter.pid() + " waiting"), seen::toString);

        assertEquals(List.of(opener.pid() + " open"), roles(json("who", "--posix-mqueue", queue, "--json")));
        assertEquals(List.of(waiter.pid() + " mapped", waiter.pid() + " waiting"),
                roles(json("who", "--posix-semaphore", semaphore, "--json")));
        JsonNode byPid = json("who", "-p", Long.toString(waiter.pid()), "--json");
        assertEquals(List.of(waiter.pid() + " mapped", waiter.pid() + " waiting"), roles(byPid));
    }

    @Test
    void bad_selectors_are_one_line_each() {
        assertEquals(new CommandResult(2, "", "ipc: one object or process at a time: -q and -m were given\n"),
                Ipc.run("who", "-q", "1", "-m", "2"));
        assertEquals(new CommandResult(1, "", "ipc: no message queue with id 12345\n"),
                Ipc.run("who", "-q", "12345"));
        assertEquals(new CommandResult(2, "", "ipc: invalid -p 'x': a pid is a decimal number from 1 to 2147483647\n"),
                Ipc.run("who", "-p", "x"));
        CommandResult posix = Ipc.run("who", "--posix-shmem", "/ipc-test-who-none");
        assertEquals(new CommandResult(1, "", "ipc: no POSIX shared memory /ipc-test-who-none\n"), posix);
    }

    /** As nobody, root's processes cannot be read: who says so once, and names them. */
    @Test
    void an_unprivileged_user_is_told_which_processes_it_could_not_inspect() throws Exception {
        Assumptions.assumeTrue(Unprivileged.unavailableReason() == null, Unprivileged::unavailableReason);
        int segment = Kernel.createSegment(0x7705, 4096, 0644);
        Process child = hold("attach2", Integer.toString(segment));

        IpcProcess.Result result = IpcProcess.runUnprivileged("who", "-m", Integer.toString(segment));
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.outText().startsWith("shared memory segment " + segment
                + ", key 0x00007705: 2 attachments, 0 processes\n"), result::toString);
        List<String> lines = result.err().lines().toList();
        assertEquals(1, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("ipc: could not inspect "), result::toString);
        assertTrue(lines.get(0).contains("Permission denied (another user's process"), result::toString);
        assertTrue(lines.get(0).matches(".*\\([0-9 .]*\\b" + "[0-9]+" + "\\b.*"), result::toString);
        assertTrue(child.isAlive());
    }
}

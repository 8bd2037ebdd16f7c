// Cleanup that explains itself: --orphans on what ipc who sees, its reasons, --protect, and removals of used objects.
package dev.ipc.rm;

import dev.ipc.procfs.IpcUsers;
import dev.ipc.procfs.SystemPaths;
import dev.ipc.state.Operators;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Holders;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.support.TestObjects;
import dev.ipc.support.Unprivileged;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CleanupTest {
    @RegisterExtension
    final TestObjects objects = new TestObjects("cleanup");

    @RegisterExtension
    final Holders holders = new Holders();

    /** An object made by ipcmk, a process that has exited: its creator is gone. */
    private static int madeByIpcmk(String... args) {
        String out = Processes.run(IpcrmCompatibilityTest.command("ipcmk", args)).out();
        return Integer.parseInt(out.substring(out.indexOf(':') + 1).strip());
    }

    /**
     * Objects whose creator has exited but that a live process attaches (twice), waits on in semop or receives from
     * in msgrcv are never orphans; an unused segment whose creator is gone is, and the dry run says why of each.
     */
    @Test
    void orphans_never_pick_what_a_process_attaches_or_waits_on() {
        int attached = madeByIpcmk("-M", "4096");
        int waitedOn = madeByIpcmk("-S", "1");
        int receivedFrom = madeByIpcmk("-Q");
        int unused = madeByIpcmk("-M", "4096");
        Process attacher = holders.hold("attach2", Integer.toString(attached));
        Process waiter = holders.hold("semop", Integer.toString(waitedOn), "0", "-1");
        Process receiver = holders.hold("msgrcv", Integer.toString(receivedFrom), "3");
        Holders.awaitCall(waiter, Holders.CALLS.semtimedop(), "semop sleeps");
        Holders.awaitCall(receiver, Holders.CALLS.msgrcv(), "msgrcv sleeps");

        CommandResult dryRun = Ipc.run("rm", "-a", "--orphans", "--dry-run");
        assertEquals(0, dryRun.exitCode(), dryRun::toString);
        List<String> lines = dryRun.out().lines().toList();
        assertTrue(lines.contains("would keep shared memory segment id `" + attached + "': in use: attached by "
                + attacher.pid() + " (2 times), last shmat/shmdt " + attacher.pid() + " alive"), dryRun::toString);
        assertTrue(lines.contains("would keep semaphore id `" + waitedOn + "': in use: " + waiter.pid()
                + " waiting"), dryRun::toString);
        assertTrue(lines.contains("would keep message queue id `" + receivedFrom + "': in use: " + receiver.pid()
                + " receiving"), dryRun::toString);
        List<String> removed = lines.stream().filter(line -> line.startsWith("would remove")).toList();
        assertEquals(1, removed.size(), dryRun::toString);
        assertTrue(removed.get(0).matches("would remove shared memory segment id `" + unused
                + "': no attachments, creator [0-9]+ gone, last change (just now|[0-9]+ seconds? ago)"), removed::toString);

        CommandResult removal = Ipc.run("rm", "-a", "--orphans");
        assertEquals(0, removal.exitCode(), removal::toString);
        assertTrue(SystemVCalls.sharedMemorySegment(unused).isEmpty());
        assertTrue(SystemVCalls.sharedMemorySegment(attached).isPresent());
        assertTrue(SystemVCalls.semaphoreSet(waitedOn).isPresent());
        assertTrue(SystemVCalls.messageQueue(receivedFrom).isPresent());
        assertTrue(waiter.isAlive() && receiver.isAlive(), "a waiter was woken");
    }

    @Test
    void protected_keys_ids_and_names_survive_all() throws Exception {
        int byKey = Kernel.createQueue(0x4401, 0600);
        int byId = Kernel.createQueue(0x4402, 0600);
        int inFile = Kernel.createQueue(0x4403, 0600);
        int removed = Kernel.createQueue(0x4404, 0600);
        String name = objects.posixName();
        Process opener = holders.hold("mqopen", name);
        opener.destroyForcibly().waitFor();
        Path file = Files.createTempFile("protect", ".txt");
        try {
            Files.writeString(file, "# the database's keys\n0x4403   # orders\n\n" + name.substring(1) + "\n");
            CommandResult result = Ipc.run("rm", "--all=msg", "--all=pmsg", "--protect", "0x4401", "--protect",
                    Integer.toString(byId), "--protect-file", file.toString(), "--dry-run");
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals(List.of("would keep message queue id `" + byKey + "': protected by 0x4401",
                    "would keep message queue id `" + byId + "': protected by " + byId,
                    "would keep message queue id `" + inFile + "': protected by 0x4403",
                    "would keep POSIX message queue `" + name + "': protected by " + name.substring(1),
                    "would remove message queue id `" + removed + "'"), result.out().lines().toList());
        } finally {
            Files.delete(file);
        }
        assertEquals(new CommandResult(1, "", "ipc: --protect only narrows --all; give --all too (see 'ipc rm "
                + "--help')\n"), Ipc.run("rm", "-q", "1", "--protect", "0x1"));
        assertEquals(new CommandResult(1, "", "ipc: cannot read --protect-file /nonexistent: No such file or "
                + "directory\n"), Ipc.run("rm", "-a", "--protect-file", "/nonexistent"));
    }

    /** ipcrm removes what it is told to; ipc does too, and names on stderr who was using it. */
    @Test
    void removing_a_used_object_names_its_users() {
        int set = Kernel.createSemaphores(0x4405, 1, 0600);
        String queue = objects.posixName();
        Process waiter = holders.hold("semop", Integer.toString(set), "0", "-1");
        Process opener = holders.hold("mqopen", queue);
        Holders.awaitCall(waiter, Holders.CALLS.semtimedop(), "semop sleeps");

        CommandResult dryRun = Ipc.run("rm", "-S", "0x4405", "--posix-mqueue", queue, "--dry-run");
        assertEquals(new CommandResult(0, "would remove semaphore id `" + set + "'\nwould remove POSIX message "
                + "queue `" + queue + "'\n", "ipc: semaphore set " + set + " is in use: " + waiter.pid()
                + " waiting\nipc: POSIX message queue " + queue + " is in use: " + opener.pid() + " open\n"), dryRun);
        CommandResult removal = Ipc.run("rm", "-S", "0x4405", "--posix-mqueue", queue);
        assertEquals(new CommandResult(0, "", "ipc: semaphore set " + set + " was in use: " + waiter.pid()
                + " waiting\nipc: POSIX message queue " + queue + " was in use: " + opener.pid() + " open\n"),
                removal);
        assertTrue(SystemVCalls.semaphoreSet(set).isEmpty());
    }

    /**
     * Removal by id names the attacher of a segment, the semop waiter of a set and the msgrcv receiver of a queue;
     * objects nobody uses get no such line (rm looks at /proc only for what shows a sign of use, or for a queue).
     */
    @Test
    void removal_by_id_names_the_users_of_each_kind_and_none_of_idle_objects() {
        int attached = madeByIpcmk("-M", "4096");
        int waitedOn = madeByIpcmk("-S", "1");
        int receivedFrom = madeByIpcmk("-Q");
        int idleSegment = madeByIpcmk("-M", "4096");
        int idleSet = madeByIpcmk("-S", "1");
        int idleQueue = madeByIpcmk("-Q");
        Process attacher = holders.hold("attach2", Integer.toString(attached));
        Process waiter = holders.hold("semop", Integer.toString(waitedOn), "0", "-1");
        Process receiver = holders.hold("msgrcv", Integer.toString(receivedFrom), "3");
        Holders.awaitCall(waiter, Holders.CALLS.semtimedop(), "semop sleeps");
        Holders.awaitCall(receiver, Holders.CALLS.msgrcv(), "msgrcv sleeps");

        CommandResult removal = Ipc.run("rm", "-m", Integer.toString(idleSegment), "-s", Integer.toString(idleSet),
                "-q", Integer.toString(idleQueue), "-m", Integer.toString(attached), "-s", Integer.toString(waitedOn),
                "-q", Integer.toString(receivedFrom));
        assertEquals(new CommandResult(0, "", "ipc: shared memory segment " + attached + " was in use: "
                + attacher.pid() + " attached (2 times)\nipc: semaphore set " + waitedOn + " was in use: "
                + waiter.pid() + " waiting\nipc: message queue " + receivedFrom + " was in use: " + receiver.pid()
                + " receiving\n"), removal);
    }

    /**
     * The plain line of a script's loop, "rm -q ID", runs without picocli and scans for the queue's waiters on a
     * thread of its own: the receiver is still named.
     */
    @Test
    void plain_queue_removal_names_its_receiver() {
        int receivedFrom = madeByIpcmk("-Q");
        Process receiver = holders.hold("msgrcv", Integer.toString(receivedFrom), "5");
        Holders.awaitCall(receiver, Holders.CALLS.msgrcv(), "msgrcv sleeps");
        assertEquals(new CommandResult(0, "", "ipc: message queue " + receivedFrom + " was in use: " + receiver.pid()
                + " receiving\n"), Ipc.run("rm", "-q", Integer.toString(receivedFrom)));
        int idle = madeByIpcmk("-Q");
        assertEquals(new CommandResult(0, "", ""), Ipc.run("rm", "-q", Integer.toString(idle)));
    }

    /**
     * Run by nobody, the waiters' scan may read none of root's processes (EACCES on their namespace links): each is
     * passed over as one it cannot read, and nobody's own receiver is still named.
     */
    @Test
    void a_users_queue_removal_names_its_receiver_among_processes_it_may_not_read() {
        Assumptions.assumeTrue(Unprivileged.unavailableReason() == null, Unprivileged::unavailableReason);
        String out = Processes.run(Unprivileged.command(List.of("ipcmk", "-Q"))).out();
        int queue = Integer.parseInt(out.substring(out.indexOf(':') + 1).strip());
        Process receiver = holders.holdUnprivileged("msgrcv", Integer.toString(queue), "5");
        Holders.awaitCall(receiver, Holders.CALLS.msgrcv(), "msgrcv sleeps");
        IpcProcess.Result removal = IpcProcess.runUnprivileged("rm", "-q", Integer.toString(queue));
        assertEquals(0, removal.exitCode(), removal::toString);
        assertEquals("", removal.outText(), removal::toString);
        assertEquals("ipc: message queue " + queue + " was in use: " + receiver.pid() + " receiving\n", removal.err(),
                removal::toString);
        assertTrue(SystemVCalls.messageQueue(queue).isEmpty(), "the queue is gone");
    }

    /** ls shows the users of one object (PROCS) and, with --orphans, why each object is listed (REASON). */
    @Test
    void listings_show_users_and_reasons() throws Exception {
        int attached = madeByIpcmk("-M", "4096");
        int unused = madeByIpcmk("-M", "4096");
        Process attacher = holders.hold("attach2", Integer.toString(attached));

        CommandResult one = Ipc.run("ls", "-m", "-i", Integer.toString(attached), "--json");
        assertEquals(0, one.exitCode(), one::toString);
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        assertEquals("[" + attacher.pid() + "]",
                mapper.readTree(one.out()).get("sharedmemory").get(0).get("procs").toString(), one::toString);
        CommandResult orphans = Ipc.run("ls", "-m", "--orphans", "--json");
        assertEquals(0, orphans.exitCode(), orphans::toString);
        var rows = mapper.readTree(orphans.out()).get("sharedmemory");
        assertEquals(1, rows.size(), orphans::toString);
        assertEquals(unused, rows.get(0).get("id").asInt());
        assertTrue(rows.get(0).get("reason").asText().startsWith("no attachments, creator "), orphans::toString);
    }

    /** A live process with the recorded pid that started after the recorded operation did not make it. */
    @Test
    void a_pid_whose_process_started_after_the_operation_was_reused() {
        IpcUsers users = IpcUsers.scan(SystemPaths.fromSystemProperties(), false);
        Operators operators = new Operators(users);
        int self = (int) ProcessHandle.current().pid();
        long started = users.startTime(self).orElseThrow();
        assertEquals(Operators.State.ALIVE, operators.state(self, OptionalLong.of(started + 5)));
        assertEquals(Operators.State.REUSED, operators.state(self, OptionalLong.of(started - 60)));
        assertEquals(Operators.State.NEVER, operators.state(0, OptionalLong.empty()));
        IpcProcess exited = IpcProcess.start("--version");
        exited.await(60);
        assertEquals(Operators.State.GONE, operators.state((int) exited.pid(), OptionalLong.empty()));
    }
}

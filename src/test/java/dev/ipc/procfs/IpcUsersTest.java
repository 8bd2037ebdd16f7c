// The scan of /proc for the users of IPC objects: real processes asleep on System V queues and sets, found by id.
package dev.ipc.procfs;

import dev.ipc.cli.SelfCommand;
import dev.ipc.procfs.IpcUsers.Role;
import dev.ipc.support.Await;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Kernel;
import dev.ipc.support.TestObjects;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IpcUsersTest {
    @RegisterExtension
    final TestObjects objects = new TestObjects("waiters");

    private static final IpcSyscalls CALLS = IpcSyscalls.current().orElseThrow();

    @Test
    void finds_each_thread_asleep_on_a_queue_or_set_by_its_id() {
        int empty = Kernel.createQueue(0x5101, 0600);
        int full = Kernel.createQueue(0x5102, 0600);
        int set = Kernel.createSemaphores(0x5103, 2, 0600);
        int unused = Kernel.createQueue(0x5104, 0600);
        long qbytes = SystemVCalls.messageQueue(full).orElseThrow().maxBytes().getAsLong();
        for (long used = 0; used < qbytes; used += 1024) {
            Kernel.send(full, 1, "x".repeat(1024));
        }
        IpcProcess receiver = IpcProcess.start("msg", "recv", "--id", Integer.toString(empty));
        IpcProcess sender = IpcProcess.start("msg", "send", "--id", Integer.toString(full), "more");
        IpcProcess operator = IpcProcess.start("sem", "op", "--id", Integer.toString(set), "1:0", "0:-1");
        try {
            Await.until(() -> IpcSyscalls.sleepsIn(receiver.pid(), CALLS.msgrcv()).orElse(false), "msgrcv sleeps");
            Await.until(() -> IpcSyscalls.sleepsIn(sender.pid(), CALLS.msgsnd()).orElse(false), "msgsnd sleeps");
            Await.until(() -> SemaphoreCalls.waitingForIncrease(set, 0) == 1, "semop sleeps");

            IpcUsers waiters = IpcUsers.scan(SystemPaths.fromSystemProperties(), true);
            assertEquals(List.of(receiver.pid() + " receiving 1"), uses(waiters.onQueue(empty)));
            assertEquals(List.of(sender.pid() + " sending 1"), uses(waiters.onQueue(full)));
            assertEquals(List.of(operator.pid() + " waiting 1"), uses(waiters.onSet(set)));
            // the JVM asks semop for both operations at once: read from its memory
            assertEquals(List.of(new IpcUsers.SemOp(1, 0, 0), new IpcUsers.SemOp(0, -1, 0)),
                    waiters.onSet(set).get(0).operations());
            assertEquals(List.of(), waiters.onQueue(unused));
        } finally {
            receiver.kill();
            sender.kill();
            operator.kill();
        }
    }

    /** "PID role threads" for each use. */
    private static List<String> uses(List<IpcUsers.Use> uses) {
        List<String> lines = new ArrayList<>();
        for (IpcUsers.Use use : uses) {
            lines.add(use.pid() + " " + use.role().word() + " " + use.count());
        }
        return lines;
    }

    /** Queue 0 of another IPC namespace is another queue: its receiver does not wait on ours. */
    @Test
    void threads_of_another_ipc_namespace_do_not_count() throws Exception {
        Files.writeString(Path.of("/proc/sys/kernel/msg_next_id"), "0");
        assertEquals(0, Kernel.createQueue(0x5201, 0600));
        List<String> command = new ArrayList<>(List.of("unshare", "--ipc", "sh", "-c",
                "ipcmk -Q >/dev/null && exec \"$@\"", "sh"));
        command.addAll(SelfCommand.of("msg", "recv", "--id", "0"));
        IpcProcess elsewhere = IpcProcess.start(List.of(), command);
        try {
            Await.until(() -> IpcSyscalls.sleepsIn(elsewhere.pid(), CALLS.msgrcv()).orElse(false)
                    || !elsewhere.alive(), "msgrcv sleeps in the other namespace");
            assertEquals(true, elsewhere.alive(), () -> elsewhere.await(10).toString());
            assertEquals(List.of(), IpcUsers.scan(SystemPaths.fromSystemProperties(), false).onQueue(0));
        } finally {
            elsewhere.kill();
        }
    }

    @Test
    void without_system_call_numbers_for_the_machine_the_scan_is_incomplete() {
        IpcUsers waiters = IpcUsers.scan(Path.of("/proc"), Optional.empty(), "s390x", false,
                SystemPaths.fromSystemProperties());
        assertFalse(waiters.complete());
        assertTrue(waiters.why().orElseThrow().startsWith("no system call numbers known for os.arch s390x"),
                waiters.why()::toString);
    }

    /** Every PID namespace has a process 1: a /proc without it (hidepid) hides others' processes too. */
    @Test
    void a_proc_that_hides_process_1_leaves_the_scan_incomplete(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("4242/task"));
        IpcUsers waiters = IpcUsers.scan(proc, IpcSyscalls.current(), "amd64", false,
                SystemPaths.fromSystemProperties());
        assertFalse(waiters.complete());
        assertEquals(Optional.of("processes of other users are hidden in " + proc), waiters.why());
    }

    @Test
    void maps_devices_are_read_as_stat_encodes_them() {
        assertEquals(1, IpcUsers.device("00:01"));
        assertEquals((8L << 8) | 1, IpcUsers.device("08:01"));
        assertEquals((0x103L << 8) | 0x2, IpcUsers.device("103:02"));
    }

    @Test
    void each_architecture_has_its_own_numbers() {
        assertEquals(Optional.of(new IpcSyscalls(69, 70, 65, 220, 202, 242, 243)), IpcSyscalls.forArch("amd64"));
        assertEquals(Optional.of(new IpcSyscalls(189, 188, 193, 192, 98, 182, 183)), IpcSyscalls.forArch("aarch64"));
        assertEquals(Optional.empty(), IpcSyscalls.forArch("i386"));
    }
}

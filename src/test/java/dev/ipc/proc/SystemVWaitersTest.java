// The scan of /proc for threads asleep on System V queues and sets: real blocked processes, found by id.
package dev.ipc.proc;

import dev.ipc.cli.SelfCommand;
import dev.ipc.proc.SystemVWaiters.Call;
import dev.ipc.proc.SystemVWaiters.Waiter;
import dev.ipc.support.Await;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Kernel;
import dev.ipc.support.TestObjects;
import dev.ipc.sys.SemaphoreCalls;
import dev.ipc.sys.SystemVCalls;
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

class SystemVWaitersTest {
    @RegisterExtension
    final TestObjects objects = new TestObjects("waiters");

    private static final SystemVSyscalls CALLS = SystemVSyscalls.current().orElseThrow();

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
            Await.until(() -> SystemVSyscalls.sleepsIn(receiver.pid(), CALLS.msgrcv()).orElse(false), "msgrcv sleeps");
            Await.until(() -> SystemVSyscalls.sleepsIn(sender.pid(), CALLS.msgsnd()).orElse(false), "msgsnd sleeps");
            Await.until(() -> SemaphoreCalls.waitingForIncrease(set, 0) == 1, "semop sleeps");

            SystemVWaiters waiters = SystemVWaiters.scan();
            assertEquals(List.of(new Waiter((int) receiver.pid(), (int) receiver.pid(), Call.MSGRCV, empty)),
                    withTidOfPid(waiters.onQueue(empty)));
            assertEquals(List.of(new Waiter((int) sender.pid(), (int) sender.pid(), Call.MSGSND, full)),
                    withTidOfPid(waiters.onQueue(full)));
            assertEquals(List.of(new Waiter((int) operator.pid(), (int) operator.pid(), Call.SEMOP, set)),
                    withTidOfPid(waiters.onSet(set)));
            assertEquals(List.of(), waiters.onQueue(unused));
        } finally {
            receiver.kill();
            sender.kill();
            operator.kill();
        }
    }

    /** Which thread of the JVM makes the call is its own business: compare the process, call and id. */
    private static List<Waiter> withTidOfPid(List<Waiter> waiters) {
        List<Waiter> same = new ArrayList<>();
        for (Waiter waiter : waiters) {
            same.add(new Waiter(waiter.pid(), waiter.pid(), waiter.call(), waiter.id()));
        }
        return same;
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
            Await.until(() -> SystemVSyscalls.sleepsIn(elsewhere.pid(), CALLS.msgrcv()).orElse(false)
                    || !elsewhere.alive(), "msgrcv sleeps in the other namespace");
            assertEquals(true, elsewhere.alive(), () -> elsewhere.await(10).toString());
            assertEquals(List.of(), SystemVWaiters.scan().onQueue(0));
        } finally {
            elsewhere.kill();
        }
    }

    @Test
    void without_system_call_numbers_for_the_machine_the_scan_is_incomplete() {
        SystemVWaiters waiters = SystemVWaiters.scan(Path.of("/proc"), Optional.empty(), "s390x");
        assertFalse(waiters.complete());
        assertEquals("no system call numbers known for os.arch s390x", waiters.why());
    }

    /** Every PID namespace has a process 1: a /proc without it (hidepid) hides others' processes too. */
    @Test
    void a_proc_that_hides_process_1_leaves_the_scan_incomplete(@TempDir Path proc) throws Exception {
        Files.createDirectories(proc.resolve("4242/task"));
        SystemVWaiters waiters = SystemVWaiters.scan(proc, SystemVSyscalls.current(), "amd64");
        assertFalse(waiters.complete());
        assertEquals("processes of other users are hidden in " + proc, waiters.why());
    }

    @Test
    void each_architecture_has_its_own_numbers() {
        assertEquals(Optional.of(new SystemVSyscalls(69, 70, 65, 220)), SystemVSyscalls.forArch("amd64"));
        assertEquals(Optional.of(new SystemVSyscalls(189, 188, 193, 192)), SystemVSyscalls.forArch("aarch64"));
        assertEquals(Optional.empty(), SystemVSyscalls.forArch("i386"));
    }
}

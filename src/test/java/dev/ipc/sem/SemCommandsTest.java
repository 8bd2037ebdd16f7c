// ipc sem get, set and op on real semaphore sets: atomic semop, waiting, SEMVMX, and each failure's exit code.
package dev.ipc.sem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.cli.ExitCodes;
import dev.ipc.support.Await;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Unprivileged;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SemCommandsTest {
    private int set;

    @BeforeEach
    void emptyNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        set = Kernel.createSemaphores(0x5e3, 3, 0600);
    }

    private String id() {
        return Integer.toString(set);
    }

    private int[] values() {
        return SemaphoreCalls.values(set, 3);
    }

    @Test
    void sets_all_values_and_reads_them_back_in_the_form_set_takes() {
        assertEquals(0, Ipc.run("sem", "set", "--id", id(), "1", "0", "32767").exitCode());
        CommandResult all = Ipc.run("sem", "get", "--key", "0x5e3");
        assertEquals("1 0 32767\n", all.out());
        assertEquals(0, Ipc.run("sem", "set", "--id", id(), "--num", "1", "7").exitCode());
        assertEquals("7\n", Ipc.run("sem", "get", "--id", id(), "--num", "1").out());
        assertArrayEquals(new int[] {1, 7, 32767}, values());
    }

    @Test
    void get_json_shows_each_semaphore_with_its_waiters() throws Exception {
        Kernel.setValue(set, 2, 4);
        JsonNode json = new ObjectMapper().readTree(Ipc.run("sem", "get", "--id", id(), "--json").out());
        assertEquals(3, json.get("nsems").asInt());
        assertEquals(4, json.get("elements").get(2).get("value").asInt());
        assertEquals(0, json.get("elements").get(2).get("ncount").asInt());
        assertEquals(ProcessHandle.current().pid(), json.get("elements").get(2).get("pid").asLong());
    }

    @Test
    void values_above_semvmx_and_numbers_out_of_range_exit_9_and_change_nothing() {
        Kernel.setValue(set, 0, 5);
        assertFailure(ExitCodes.OUT_OF_RANGE, "ipc: value 32768 is out of range: a semaphore holds 0 to SEMVMX "
                + "(32767)", "sem", "set", "--id", id(), "1", "2", "32768");
        assertFailure(ExitCodes.OUT_OF_RANGE, "ipc: semaphore 3 is out of range: semaphore set " + set
                + " has 3 semaphores (0 to 2)", "sem", "set", "--id", id(), "--num", "3", "1");
        assertFailure(ExitCodes.OUT_OF_RANGE, "ipc: semaphore 5 is out of range: semaphore set " + set
                + " has 3 semaphores (0 to 2)", "sem", "op", "--id", id(), "0:-1", "5:+1");
        assertFailure(ExitCodes.OUT_OF_RANGE, "ipc: semop 0:+32767 on semaphore set " + set + " would raise a "
                + "semaphore above SEMVMX (32767); nothing was changed", "sem", "op", "--id", id(), "0:+32767");
        assertFailure(ExitCodes.USAGE, "ipc: semaphore set " + set + " has 3 semaphores: give 3 values, not 2 (or "
                + "--num N VALUE)", "sem", "set", "--id", id(), "1", "2");
        assertFailure(ExitCodes.USAGE, "ipc: invalid operation '0-1': write SEMNUM:VALUE, as in 0:-1 (wait and "
                + "take one), 1:+1 (give one back) or 2:0 (wait for zero)", "sem", "op", "--id", id(), "0-1");
        assertFailure(ExitCodes.NOT_FOUND, "ipc: no semaphore set with id 99", "sem", "get", "--id", "99");
        assertArrayEquals(new int[] {5, 0, 0}, values());
    }

    private static void assertFailure(int code, String message, String... args) {
        CommandResult r = Ipc.run(args);
        assertEquals(code, r.exitCode(), r::toString);
        assertEquals(message + "\n", r.err());
    }

    @Test
    void applies_all_operations_at_once_or_none() {
        Kernel.setValue(set, 0, 1);
        CommandResult blocked = Ipc.run("sem", "op", "--id", id(), "--nowait", "0:-1", "1:-1", "2:+1");
        assertEquals(ExitCodes.WOULD_BLOCK, blocked.exitCode(), blocked::toString);
        assertEquals("ipc: semop 0:-1 1:-1 2:+1 on semaphore set " + set + " would have to wait: semaphore 1 is 0 "
                + "and 1:-1 needs 1 (--nowait)\n", blocked.err());
        assertArrayEquals(new int[] {1, 0, 0}, values(), "semaphore 0 was not taken alone");
        Kernel.setValue(set, 1, 1);
        assertEquals(0, Ipc.run("sem", "op", "--id", id(), "0:-1", "1:-1", "2:+1", "2:+1").exitCode(),
                "a semaphore may appear twice in one semop");
        assertArrayEquals(new int[] {0, 0, 2}, values());
    }

    @Test
    void times_out_with_exit_6_and_changes_nothing() {
        long start = System.nanoTime();
        CommandResult r = Ipc.run("sem", "op", "--id", id(), "--timeout", "250ms", "1:+1", "0:-1");
        assertTrue(System.nanoTime() - start >= 250_000_000L, "returned before the timeout");
        assertEquals(ExitCodes.TIMED_OUT, r.exitCode(), r::toString);
        assertArrayEquals(new int[] {0, 0, 0}, values());
    }

    @Test
    void a_blocked_op_shows_in_ls_as_ncount_or_zcount_until_a_signal_lets_it_through() {
        Kernel.setValue(set, 2, 1);
        IpcProcess taker = IpcProcess.start("sem", "op", "--id", id(), "0:-1");
        IpcProcess zero = IpcProcess.start("sem", "op", "--id", id(), "2:0");
        try {
            Await.until(() -> Ipc.run("ls", "-s", "-i", id()).out().contains("\n0          0          1          0"),
                    "ncount 1 on semaphore 0");
            Await.until(() -> Ipc.run("ls", "-s", "-i", id()).out().contains("\n2          1          0          1"),
                    "zcount 1 on semaphore 2");
            assertEquals(0, Ipc.run("sem", "op", "--id", id(), "0:+1", "2:-1").exitCode());
            assertEquals(0, taker.await(30).exitCode());
            assertEquals(0, zero.await(30).exitCode());
            assertArrayEquals(new int[] {0, 0, 0}, values());
        } finally {
            taker.kill();
            zero.kill();
        }
    }

    @Test
    void removal_while_waiting_exits_7() {
        IpcProcess waiter = IpcProcess.start("sem", "op", "--id", id(), "1:-2");
        try {
            Await.until(() -> SemaphoreCalls.waitingForIncrease(set, 1) == 1, "the waiter blocked");
            Kernel.removeSemaphores(set);
            IpcProcess.Result r = waiter.await(30);
            assertEquals(ExitCodes.REMOVED, r.exitCode(), r::toString);
            assertEquals("ipc: semaphore set " + set + " was removed while waiting to operate on\n", r.err());
        } finally {
            waiter.kill();
        }
    }

    @Test
    void undo_is_reversed_by_the_kernel_when_the_holder_exits() {
        Kernel.setValue(set, 0, 1);
        IpcProcess holder = IpcProcess.start("sem", "op", "--id", id(), "--undo", "--hold", "60s", "0:-1");
        try {
            Await.until(() -> values()[0] == 0, "the holder took semaphore 0");
            holder.process().destroy();
            holder.await(30);
            assertEquals(1, values()[0], "SEM_UNDO gave the semaphore back when the holder exited");
        } finally {
            holder.kill();
        }
    }

    @Test
    void permission_denied_exits_4_and_set_perms_lets_the_user_in() {
        Assumptions.assumeTrue(Unprivileged.unavailableReason() == null, Unprivileged::unavailableReason);
        IpcProcess.Result denied = IpcProcess.runUnprivileged("sem", "op", "--id", id(), "0:+1");
        assertEquals(ExitCodes.PERMISSION_DENIED, denied.exitCode(), denied::toString);
        assertEquals(0, Ipc.run("sem", "set-perms", "--id", id(), "--owner", Integer.toString(Unprivileged.NOBODY),
                "--mode", "0600").exitCode());
        assertEquals(Unprivileged.NOBODY, SystemVCalls.semaphoreSet(set).orElseThrow().owner().uid());
        IpcProcess.Result allowed = IpcProcess.runUnprivileged("sem", "op", "--id", id(), "0:+1");
        assertEquals(0, allowed.exitCode(), allowed::toString);
        assertEquals(1, values()[0]);
    }
}

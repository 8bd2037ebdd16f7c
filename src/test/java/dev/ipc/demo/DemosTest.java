// The three lab demos: each runs unattended, shows the blocking, passes its checks, and leaves nothing behind,
// also when it is interrupted or one of its processes dies.
package dev.ipc.demo;

import dev.ipc.support.Await;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.sys.SystemVCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DemosTest {
    @BeforeEach
    void emptyNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
    }

    private static void assertNothingLeft() {
        assertEquals(List.of(), SystemVCalls.messageQueues(), "queues left behind");
        assertEquals(List.of(), SystemVCalls.semaphoreSets(), "semaphore sets left behind");
        assertEquals(List.of(), SystemVCalls.sharedMemorySegments(), "segments left behind");
    }

    private static void assertPasses(CommandResult r) {
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().endsWith("\nThe kernel behaved as the documents say.\n"), r::toString);
        assertTrue(!r.out().contains("  FAIL  "), r::toString);
        assertNothingLeft();
    }

    @Test
    void sem_demo_shows_a_and_c_blocked_until_b_signals() {
        CommandResult r = Ipc.run("sem", "demo", "--pace", "50ms");
        assertPasses(r);
        String out = r.out();
        assertTrue(out.contains("kernel           semncnt(SA) = 1: A["), out);
        assertTrue(out.contains("kernel           semncnt(SB) = 1: C["), out);
        assertTrue(out.contains("  ok    B woke A: A's wait returned "), out);
        assertTrue(out.contains("  ok    B woke C: C's wait returned "), out);
        assertTrue(out.indexOf("signal(SA)") < out.indexOf("woke up: its semop returned and took SA"),
                "B's signal comes before A wakes in the transcript: " + out);
        assertTrue(out.indexOf("signal(SB)") < out.indexOf("woke up: its semop returned and took SB"), out);
    }

    @Test
    void shm_demo_delivers_every_item_once_in_order_and_reports_throughput() {
        CommandResult r = Ipc.run("shm", "demo", "--items", "5000", "--size", "100", "--slots", "3");
        assertPasses(r);
        assertTrue(r.out().contains("  ok    every item arrived once and in order: the consumer read 5000 of 5000"),
                r::toString);
        assertTrue(r.out().contains("Throughput: 5000 items of 100 bytes in "), r::toString);
    }

    @Test
    void msg_demo_receivers_get_what_the_documents_predict() {
        CommandResult r = Ipc.run("msg", "demo", "--round-trips", "50", "--clients", "3");
        assertPasses(r);
        String out = r.out();
        assertTrue(out.contains("asked for type -2 and got 1:a1, as the documents say (1:a1)"), out);
        assertTrue(out.contains("slept in msgrcv while no message of type 2 was queued"), out);
        assertTrue(out.contains("Round trips: 150 (3 clients x 50)"), out);
    }

    @Test
    void bad_options_are_usage_errors() {
        assertEquals(2, Ipc.run("shm", "demo", "--size", "4").exitCode());
        assertEquals(2, Ipc.run("shm", "demo", "--items", "0").exitCode());
        assertEquals(2, Ipc.run("msg", "demo", "--clients", "0").exitCode());
        assertEquals(2, Ipc.run("sem", "demo", "--pace", "soon").exitCode());
        assertNothingLeft();
    }

    @Test
    void interrupting_the_demo_stops_its_processes_and_removes_its_objects() {
        IpcProcess demo = IpcProcess.start("sem", "demo", "--pace", "60s");
        try {
            Await.until(() -> SystemVCalls.semaphoreSets().size() == 1 && children(demo).size() == 3,
                    "A, B and C running");
            List<ProcessHandle> children = children(demo);
            // Ctrl-C's SIGINT, to the demo alone (a terminal would send it to the children too)
            assertEquals(0, Processes.run(List.of("kill", "-INT", Long.toString(demo.pid()))).exitCode());
            IpcProcess.Result r = demo.await(60);
            assertTrue(r.outText().contains("interrupted: stopping the processes and removing the objects"),
                    r::toString);
            Await.until(() -> children.stream().noneMatch(ProcessHandle::isAlive), "the children ended");
            assertNothingLeft();
        } finally {
            demo.kill();
        }
    }

    @Test
    void a_child_that_dies_fails_the_demo_and_everything_is_cleaned_up() {
        IpcProcess demo = IpcProcess.start("sem", "demo", "--pace", "60s");
        try {
            Await.until(() -> child(demo, "B").isPresent(), "B running");
            child(demo, "B").orElseThrow().destroyForcibly();
            IpcProcess.Result r = demo.await(60);
            assertEquals(1, r.exitCode(), r::toString);
            assertTrue(r.err().startsWith("ipc: sem demo: B["), r::toString);
            assertTrue(r.outText().contains("  FAIL  B["), r::toString);
            assertNothingLeft();
        } finally {
            demo.kill();
        }
    }

    @Test
    void children_remove_the_objects_when_the_demo_is_killed_outright() {
        IpcProcess demo = IpcProcess.start("sem", "demo", "--pace", "60s");
        try {
            Await.until(() -> child(demo, "C").isPresent() && SystemVCalls.semaphoreSets().size() == 1
                    && dev.ipc.sys.SemaphoreCalls.waitingForIncrease(SystemVCalls.semaphoreSets().get(0).id(), 1) == 1,
                    "C blocked");
            List<ProcessHandle> children = children(demo);
            demo.process().toHandle().destroyForcibly(); // SIGKILL: no hook runs in the demo itself
            Await.until(() -> SystemVCalls.semaphoreSets().isEmpty(), "a child removed the set");
            Await.until(() -> children.stream().noneMatch(ProcessHandle::isAlive), "the children ended");
        } finally {
            demo.kill();
        }
    }

    private static List<ProcessHandle> children(IpcProcess demo) {
        return demo.process().toHandle().children().toList();
    }

    private static Optional<ProcessHandle> child(IpcProcess demo, String role) {
        return demo.process().toHandle().children().filter(p -> p.info().arguments()
                .map(args -> String.join(" ", args).contains("--role " + role + " ")).orElse(false)).findFirst();
    }
}

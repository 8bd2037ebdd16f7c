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
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
    void shm_demo_tells_a_full_ring_from_a_taken_mutex_and_counts_them_apart() throws IOException {
        CommandResult r = Ipc.run("shm", "demo", "--items", "1000", "--slots", "1", "--trace", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        assertNothingLeft();
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertTrue(json.get("ok").asBoolean(), r::toString);
        String waits = json.get("notes").get(1).asText();
        assertTrue(waits.matches("Waits: the producer found the ring full (\\S+(?: times)?) and MUTEX taken "
                + "(\\S+(?: times)?); the consumer found the ring empty (\\S+(?: times)?) and MUTEX taken "
                + "(\\S+(?: times)?)\\."), waits);
        // Each wait is told right after the call that found its semaphore at 0, by the process that made it.
        Map<String, String> previous = new HashMap<>();
        int told = 0;
        String said = "";
        for (JsonNode step : json.get("steps")) {
            String who = step.get("process").asText();
            String text = (step.get("kind").asText().equals("call") ? "call: " : "") + step.get("text").asText();
            String before = previous.getOrDefault(who, "");
            if (text.startsWith("the ring is full (EMPTY = 0)")) {
                assertTrue(before.matches("call: semop\\(\\d+, \\[\\{sem_num=0, sem_op=-1, sem_flg=IPC_NOWAIT}], 1\\) = -1 "
                        + "EAGAIN.*"), () -> "a full ring told after " + before + "\n" + r);
                told++;
            } else if (text.startsWith("the ring is empty (FULL = 0)")) {
                assertTrue(before.matches("call: semop\\(\\d+, \\[\\{sem_num=1, sem_op=-1, sem_flg=IPC_NOWAIT}], 1\\) = -1 "
                        + "EAGAIN.*"), () -> "an empty ring told after " + before + "\n" + r);
                told++;
            } else if (text.startsWith("MUTEX is taken (MUTEX = 0)")) {
                assertTrue(before.matches("call: semop\\(\\d+, \\[\\{sem_num=2, sem_op=-1, sem_flg=IPC_NOWAIT}], 1\\) = -1 "
                        + "EAGAIN.*"), () -> "a taken MUTEX told after " + before + "\n" + r);
                told++;
            }
            previous.put(who, text);
            said += text + "\n";
        }
        assertTrue(told > 0, () -> "one slot and 1000 items, yet no wait was told\n" + r);
        assertTrue(said.contains("for a free slot (EMPTY = 0) and "), r::toString);
        assertTrue(said.contains("for a filled slot (FULL = 0) and "), r::toString);
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

    /** A terminal's Ctrl-C reaches the children too: their streams close, which is not an error to report. */
    @Test
    void ctrl_c_to_the_demo_and_its_children_reports_no_lost_output() {
        IpcProcess demo = IpcProcess.start("sem", "demo", "--pace", "60s");
        try {
            Await.until(() -> SystemVCalls.semaphoreSets().size() == 1 && children(demo).size() == 3,
                    "A, B and C running");
            List<String> kill = new ArrayList<>(List.of("kill", "-INT", Long.toString(demo.pid())));
            children(demo).forEach(child -> kill.add(Long.toString(child.pid())));
            assertEquals(0, Processes.run(kill).exitCode());
            IpcProcess.Result r = demo.await(60);
            assertFalse(r.outText().contains("lost its output") || r.err().contains("lost its output"),
                    r::toString);
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
                    && dev.ipc.libc.SemaphoreCalls.waitingForIncrease(SystemVCalls.semaphoreSets().get(0).id(), 1) == 1,
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
                .map(args -> String.join(" ", args).contains("dev.ipc.sem.SemDemoChild " + role + " ")).orElse(false))
                .findFirst();
    }
}

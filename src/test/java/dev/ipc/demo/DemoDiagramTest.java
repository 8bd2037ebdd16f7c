// --diagram on every demo: a valid sequence diagram of the run that happened, with as many arrows as the run had
// calls and messages, a participant per process and kernel object, and a note per check.
package dev.ipc.demo;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Mermaid;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DemoDiagramTest {
    @BeforeEach
    void emptyNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
    }

    private static Mermaid diagram(String... args) {
        CommandResult r = Ipc.run(args);
        assertEquals(0, r.exitCode(), r::toString);
        assertEquals(List.of(), SystemVCalls.semaphoreSets(), "semaphore sets left behind");
        assertEquals(List.of(), SystemVCalls.messageQueues(), "queues left behind");
        assertEquals(List.of(), SystemVCalls.sharedMemorySegments(), "segments left behind");
        Mermaid diagram = Mermaid.parse(r.out());
        assertTrue(diagram.notes().stream().allMatch(note -> note.startsWith("ok: ") || note.startsWith("... and ")),
                r::toString);
        return diagram;
    }

    @Test
    void sem_demo_draws_a_and_c_woken_by_the_set_after_b_signals() {
        Mermaid d = diagram("sem", "demo", "--diagram", "--pace", "10ms");
        assertEquals(1, d.participantsStartingWith("semaphore set "), d.toString());
        for (String child : List.of("A[", "B[", "C[")) {
            assertEquals(1, d.count("parent[", child, "starts"), child);
            assertEquals(1, d.count(child, "parent[", "exit status 0"), child);
        }
        assertEquals(1, d.count("semaphore set ", "A[", "<... semop resumed>"));
        assertEquals(1, d.count("semaphore set ", "C[", "<... semop resumed>"));
        assertEquals(2, d.count("B[", "semaphore set ", "semop("), "B signals twice");
        assertEquals(5, d.notes().size(), "a note per check");
    }

    @Test
    void msg_demo_draws_every_shown_round_trip_of_every_client() {
        Mermaid d = diagram("msg", "demo", "--diagram", "--round-trips", "2", "--clients", "3");
        assertEquals(3, d.participantsStartingWith("client"));
        for (String client : List.of("client1[", "client2[", "client3[")) {
            assertEquals(2, d.count(client, "message queue ", "msgsnd("), client);
            assertEquals(2, d.count(client, "message queue ", "msgrcv("), client);
        }
        assertEquals(6, d.count("server[", "message queue ", "msgsnd("), "a reply per request");
    }

    @Test
    void shm_demo_draws_one_release_per_item_and_the_detach_to_the_segment() {
        Mermaid d = diagram("shm", "demo", "--diagram", "--items", "5", "--slots", "2");
        assertEquals(5, d.arrows().stream().filter(a -> a.from().startsWith("producer[")
                        && a.to().startsWith("semaphore set ") && a.text().contains("{sem_num=1, sem_op=1,")).count(),
                "one raise of FULL per item put (the demo traces its first 6 items)");
        assertEquals(1, d.count("producer[", "shared memory segment ", "shmdt("));
        assertEquals(0, d.participantsStartingWith("kernel"), d.toString());
    }

    @Test
    void msg_demo_says_how_many_round_trips_it_does_not_draw() {
        Mermaid d = diagram("msg", "demo", "--diagram", "--round-trips", "50", "--clients", "2");
        for (String client : List.of("client1[", "client2[")) {
            assertEquals(2, d.count(client, "message queue ", "msgsnd("), "the first two round trips: " + client);
        }
        assertEquals(List.of("... and 96 more round trips (msgsnd and msgrcv on both sides), not drawn: 100 in all"),
                d.notes().stream().filter(n -> n.startsWith("... ")).toList());
    }

    @Test
    void shm_demo_says_how_many_items_and_waits_it_does_not_draw() {
        CommandResult r = Ipc.run("shm", "demo", "--diagram", "--items", "1000", "--slots", "2");
        assertEquals(0, r.exitCode(), r::toString);
        Mermaid d = Mermaid.parse(r.out());
        assertEquals(6, d.arrows().stream().filter(a -> a.from().startsWith("producer[")
                && a.to().startsWith("semaphore set ") && a.text().contains("{sem_num=1, sem_op=1,")).count());
        List<String> more = d.notes().stream().filter(n -> n.startsWith("... ")).toList();
        assertEquals(1, more.size(), d::toString);
        assertTrue(more.get(0).matches("\\.\\.\\. and 994 more items put and got, with their semop calls, not drawn "
                + "\\(1000 in all\\)\\; waits not drawn: the producer's \\d+, the consumer's \\d+"), more::toString);
    }

    @Test
    void signal_demo_draws_signals_to_the_receiver_and_the_group() {
        Mermaid d = diagram("signal", "demo", "--diagram", "--signals", "10", "--queued", "5", "--members", "2");
        assertEquals(1, d.count("parent[", "receiver[", "kill("), d.toString());
        assertEquals(1, d.count("parent[", "receiver[", "... the same call 9 more times"), d.toString());
        assertEquals(1, d.count("parent[", "receiver[", "rt_sigqueueinfo("), d.toString());
        assertEquals(1, d.count("parent[", "process group ", "kill(-"), d.toString());
    }

    @Test
    void pipe_demo_draws_the_child_writing_into_the_pipe_the_parent_reads() {
        Mermaid d = diagram("pipe-demo", "hello", "--diagram");
        assertEquals(1, d.count("parent[", "pipe 1", "pipe2("));
        assertEquals(1, d.count("parent[", "child[", "posix_spawn("));
        assertEquals(1, d.count("child[", "pipe 1", "dup2("));
        assertEquals(2, d.count("parent[", "pipe 1", "read("), "the message, then end of file");
        assertTrue(d.arrows().stream().anyMatch(a -> a.text().matches("read\\(\\d+, \"Hello from child\", 4096\\) = 16")),
                d.toString());
        assertEquals(1, d.count("child[", "parent[", "waitpid("));
        assertEquals(2, d.notes().size());
    }

    @Test
    void pipe_demo_atomic_draws_a_writer_per_process_asked_for() {
        Mermaid d = diagram("pipe-demo", "atomic", "--diagram", "--writers", "3", "--records", "5", "--size", "4096");
        assertEquals(3, d.count("parent[", "child[", "posix_spawn("), "a writer spawned per writer asked for");
        assertEquals(3, d.count("child[", "parent[", "waitpid("), "and each reaped");
    }

    @Test
    void diagram_and_json_together_are_a_usage_error() {
        for (List<String> demo : List.of(List.of("pipe-demo", "hello"), List.of("signal", "demo"),
                List.of("socket", "demo"))) {
            List<String> args = new java.util.ArrayList<>(demo);
            args.addAll(List.of("--diagram", "--json"));
            assertEquals(2, Ipc.run(args.toArray(String[]::new)).exitCode(), args.toString());
        }
    }
}

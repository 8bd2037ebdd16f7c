// Every demo's --json has the same top-level members for the same things, and every demo's --trace goes to stderr.
package dev.ipc.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DemoOutputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The members every demo's JSON has, in this order (the demo's own findings come between "ok" and these). */
    private static final List<String> COMMON = List.of("objects", "processes", "steps", "checks", "failures",
            "figures", "notes");
    /** A traced call on stderr: "process: call(...) = result", "A[42]: call(...)", "parent 42: call(...)". */
    private static final Pattern CALL = Pattern.compile("^[A-Za-z0-9_-]+(\\[\\d+])?( \\d+)?: [a-z_0-9]+\\(.*");
    /** A traced call as the transcript once printed it on stdout. */
    private static final Pattern CALL_IN_TRANSCRIPT = Pattern.compile("(?m)^ *[0-9.]+s  \\S+ +call: ");

    @BeforeEach
    void emptyNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
    }

    /** The demo's command line with these options after its command's name (before a pipeline's commands). */
    private static List<String> args(String line, String... more) {
        List<String> args = new ArrayList<>(List.of(line.split(" ")));
        args.addAll(2, List.of(more));
        return args;
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sem demo --pace 0", "msg demo --round-trips 5", "shm demo --items 20",
            "signal demo --signals 5 --queued 3 --members 1", "socket demo", "pipe-demo hello",
            "pipe-demo pipeline -- printf a\\nb\\n | sort", "pipe-demo sigpipe"})
    void json_has_the_members_every_demo_has(String demo) throws IOException {
        CommandResult r = Ipc.run(args(demo, "--json").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = JSON.readTree(r.out());
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        assertEquals(List.of("demo", "ok"), names.subList(0, 2), names::toString);
        assertEquals(demo.replaceFirst("^(\\S+ \\S+).*", "$1"), json.get("demo").asText());
        assertEquals(COMMON, names.subList(names.size() - COMMON.size(), names.size()), names::toString);
        assertTrue(json.get("ok").asBoolean(), r::toString);
        for (JsonNode process : json.get("processes")) {
            assertTrue(process.get("name").isTextual() && process.get("pid").asLong() > 0, process::toString);
            assertTrue(process.has("exit_status"), process::toString);
        }
        for (JsonNode step : json.get("steps")) {
            assertTrue(step.get("seconds").isNumber() && step.get("process").isTextual()
                    && step.get("kind").asText().equals("say") && step.get("text").isTextual(), step::toString);
        }
        assertFalse(json.get("steps").isEmpty(), r::toString);
        assertEquals(List.of(), SystemVCalls.semaphoreSets(), "semaphore sets left behind");
    }

    @Test
    void sem_demo_json_names_its_set_its_processes_and_how_soon_each_woke() throws IOException {
        CommandResult r = Ipc.run("sem", "demo", "--pace", "20ms", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = JSON.readTree(r.out());
        assertEquals("sem demo", json.get("demo").asText());
        assertEquals(1, json.get("objects").size(), r::toString);
        assertEquals("sem", json.at("/objects/0/kind").asText());
        assertTrue(json.at("/objects/0/id").isInt(), r::toString);
        Set<String> names = new TreeSet<>();
        json.get("processes").forEach(p -> {
            names.add(p.get("name").asText());
            assertEquals(0, p.get("exit_status").asInt(), p::toString);
        });
        assertEquals(Set.of("A", "B", "C"), names);
        assertTrue(json.at("/figures/a_woke_after_seconds").asDouble() > 0, r::toString);
        assertTrue(json.at("/figures/c_woke_after_seconds").asDouble() > 0, r::toString);
        assertEquals(5, json.get("checks").size(), r::toString);
        assertTrue(r.out().startsWith("{"), "nothing but the JSON on stdout: " + r.out());
    }

    @Test
    void msg_and_shm_demo_json_give_their_figures_in_base_units() throws IOException {
        JsonNode msg = JSON.readTree(Ipc.run("msg", "demo", "--round-trips", "40", "--clients", "2", "--json").out());
        assertTrue(msg.get("ok").asBoolean(), msg::toString);
        assertEquals(80, msg.at("/figures/round_trips").asLong());
        assertTrue(msg.at("/figures/round_trips_per_second").asDouble() > 0, msg::toString);
        assertEquals("msg", msg.at("/objects/0/kind").asText());
        assertEquals(7, msg.get("processes").size(), msg::toString); // sender, 3 receivers, server, 2 clients

        JsonNode shm = JSON.readTree(Ipc.run("shm", "demo", "--items", "300", "--size", "128", "--json").out());
        assertTrue(shm.get("ok").asBoolean(), shm::toString);
        assertEquals(300, shm.at("/figures/items").asLong());
        assertEquals(128, shm.at("/figures/item_bytes").asLong());
        assertTrue(shm.at("/figures/bytes_per_second").asDouble() > 0, shm::toString);
        Set<String> kinds = new TreeSet<>();
        shm.get("objects").forEach(o -> kinds.add(o.get("kind").asText()));
        assertEquals(Set.of("shm", "sem"), kinds);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sem demo --pace 0", "msg demo --round-trips 3", "shm demo --items 5",
            "signal demo --signals 5 --queued 3 --members 1", "socket demo", "pipe-demo hello",
            "pipe-demo eof", "pipe-demo capacity", "pipe-demo nonblock", "pipe-demo sigpipe",
            "pipe-demo atomic --records 20", "pipe-demo popen --mode r uname",
            "pipe-demo pipeline -- printf a\\nb\\n | sort"})
    void trace_goes_to_stderr_and_not_to_stdout(String demo) {
        CommandResult r = Ipc.run(args(demo, "--trace").toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        assertFalse(CALL_IN_TRANSCRIPT.matcher(r.out()).find(), () -> "a call on stdout\n" + r);
        for (String line : r.out().split("\n")) {
            assertFalse(CALL.matcher(line).matches(), () -> "a call on stdout: " + line + "\n" + r);
        }
        assertTrue(r.err().lines().anyMatch(line -> CALL.matcher(line).matches()), () -> "no call on stderr\n" + r);
    }

    @Test
    void trace_with_json_keeps_stdout_one_json_document_and_puts_the_calls_in_its_steps() throws IOException {
        CommandResult r = Ipc.run("sem", "demo", "--pace", "0", "--trace", "--json");
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode json = JSON.readTree(r.out());
        List<String> calls = new ArrayList<>();
        json.get("steps").forEach(step -> {
            if (step.get("kind").asText().equals("call")) {
                calls.add(step.get("text").asText());
            }
        });
        assertTrue(calls.stream().anyMatch(call -> call.startsWith("semget(IPC_PRIVATE, 2, ")), calls::toString);
        assertTrue(r.err().contains("parent: semget(IPC_PRIVATE, 2, "), r::toString);
    }
}

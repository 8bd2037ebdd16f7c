// ipc ls -Q, -M, -S on real POSIX objects made with mq_open, shm_open and sem_open.
package dev.ipc.ls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.CPrograms;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PosixListingTest {
    /** /dev/shm and the mqueue mount are not isolated by an IPC namespace: our names are unique. */
    private static final String TAG = "ipc-test-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String SEMAPHORE = "/" + TAG + "-sem";
    private static final String MEMORY = "/" + TAG + "-shm";
    private static final String QUEUE = "/" + TAG + "-mq";
    private static final List<List<String>> cleanup = new ArrayList<>();
    private static Path tool;

    @BeforeAll
    static void createObjects() {
        Isolation.requirePrivateIpcNamespace();
        tool = CPrograms.build("posix_objects");
        make("sem", SEMAPHORE, "7");
        make("shm", MEMORY, "12288");
        make("mq", QUEUE, "5", "128", "hello", "posix world");
    }

    private static void make(String kind, String name, String... args) {
        List<String> command = new ArrayList<>(List.of(tool.toString(), kind, name));
        command.addAll(List.of(args));
        CommandResult made = Processes.run(command);
        assertEquals(0, made.exitCode(), made::toString);
        cleanup.add(List.of(tool.toString(), "unlink-" + kind, name));
    }

    @AfterAll
    static void removeObjects() {
        for (List<String> unlink : cleanup) {
            Processes.run(unlink);
        }
    }

    @Test
    void lists_posix_semaphores_with_their_values() throws Exception {
        JsonNode semaphores = json("-S").get("posix-semaphores");
        JsonNode ours = named(semaphores, SEMAPHORE);
        assertEquals(7, ours.get("sval").asLong());
        assertEquals("rw-r-----", ours.get("perms").asText());
        assertEquals("root", ours.get("owner").asText());
        assertTrue(json("-M").get("posix-sharedmemory").findValuesAsText("name").stream()
                .noneMatch(n -> n.contains("-sem")), "semaphores are not listed as shared memory");
    }

    @Test
    void lists_posix_shared_memory_with_size_and_time() throws Exception {
        JsonNode ours = named(json("-M", "--time-format", "iso").get("posix-sharedmemory"), MEMORY);
        assertEquals(12288, ours.get("size").asLong());
        assertTrue(ours.get("mtime").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*"), ours::toString);
        CommandResult text = Ipc.run("ls", "-M", "--name", MEMORY.substring(1));
        assertEquals(2, text.out().lines().count(), "--name without the slash finds it: " + text);
        assertTrue(text.out().lines().skip(1).findFirst().orElseThrow().matches(MEMORY + " +rw------- +root +12K .*"),
                text::out);
    }

    @Test
    void lists_posix_queues_with_their_attributes() throws Exception {
        JsonNode ours = named(json("-Q").get("posix-mqueues"), QUEUE);
        assertEquals(2, ours.get("msgs").asLong());
        assertEquals(5, ours.get("maxmsgs").asLong());
        assertEquals(128, ours.get("msgsize").asLong());
        assertEquals("hello".length() + "posix world".length(), ours.get("usedbytes").asLong());
    }

    @Test
    void posix_selects_all_three() throws Exception {
        JsonNode all = json("--posix");
        assertTrue(all.has("posix-mqueues") && all.has("posix-sharedmemory") && all.has("posix-semaphores"),
                all::toString);
    }

    /**
     * As -i with an id that names nothing (ipcs: "id 99 not found", exit 0): one line naming the kind and the
     * name, the same exit code, and no table; JSON keeps its shape with an empty array.
     */
    @ParameterizedTest(name = "ls {0} -N")
    @CsvSource(delimiter = '|', value = {"-Q|POSIX message queue|posix-mqueues",
            "-M|POSIX shared memory object|posix-sharedmemory", "-S|POSIX semaphore|posix-semaphores"})
    void a_name_that_matches_nothing_is_one_line_with_the_exit_code_of_an_unknown_id(String kind, String what,
                                                                                      String member) throws Exception {
        CommandResult unknownId = Ipc.run("ls", "-q", "-i", "99");
        String missing = "/" + TAG + "-no-such";
        CommandResult table = Ipc.run("ls", kind, "-N", missing.substring(1));
        assertEquals(new CommandResult(unknownId.exitCode(), "", "ipc: " + what + " " + missing + " not found\n"),
                table);
        CommandResult json = Ipc.run("ls", kind, "--name", missing, "--json");
        assertEquals(unknownId.exitCode(), json.exitCode());
        assertEquals("ipc: " + what + " " + missing + " not found\n", json.err());
        assertEquals(0, new ObjectMapper().readTree(json.out()).get(member).size(), json::toString);
    }

    @Test
    void a_missing_mqueue_mount_is_one_line_not_a_stack_trace() {
        String saved = System.getProperty("ipc.dev.mqueue");
        System.setProperty("ipc.dev.mqueue", "/nonexistent/mqueue");
        try {
            CommandResult result = Ipc.run("ls", "-Q");
            assertEquals(1, result.exitCode(), result::toString);
            assertEquals("ipc: /nonexistent/mqueue does not seem to be mounted. Use 'mount -t mqueue none "
                    + "/nonexistent/mqueue' to mount it.\n", result.err());
            assertEquals("", result.out());
        } finally {
            System.setProperty("ipc.dev.mqueue", saved);
        }
    }

    private static JsonNode json(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("ls", "--json"));
        command.addAll(List.of(args));
        CommandResult result = Ipc.run(command.toArray(String[]::new));
        assertEquals(0, result.exitCode(), result::toString);
        return new ObjectMapper().readTree(result.out());
    }

    private static JsonNode named(JsonNode rows, String name) {
        for (JsonNode row : rows) {
            if (row.get("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError(name + " not in " + rows);
    }
}

// Every command's --json, run on real objects and processes, validated against its schema in docs/schema.
package dev.ipc.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.ipc.CommandTree;
import dev.ipc.docs.Generate;
import dev.ipc.procfs.IpcSyscalls;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Holders;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.TestObjects;
import dev.ipc.tune.PrivateLimits;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonSchemaTest {
    static final Path SCHEMAS = Path.of("docs", "schema");
    /** Where the schemas are read from: the files of docs/schema, under a base no resolver would fetch. */
    private static final String BASE = "https://schema.ipc.invalid/";
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemas(iri -> iri.startsWith(BASE) ? read(SCHEMAS.resolve(iri.substring(BASE.length())))
                    : null));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final IpcSyscalls CALLS = Holders.CALLS;

    @RegisterExtension
    final TestObjects objects = new TestObjects("schema");

    @RegisterExtension
    final Holders holders = new Holders();

    /** The schema in docs/schema/NAME.json; its $refs to common.json are read from beside it. */
    static Schema schema(String name) {
        Path file = SCHEMAS.resolve(name + ".json");
        assertTrue(Files.isRegularFile(file), file + " is missing");
        return REGISTRY.getSchema(SchemaLocation.of(BASE + name + ".json"));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the schema finds wrong with the document, one line each; empty when it is valid. */
    static List<String> problems(String schemaName, JsonNode document) {
        return schema(schemaName).validate(document).stream().map(Error::toString).toList();
    }

    /** Runs the command line, expects the exit status, and checks its stdout against the schema. */
    static JsonNode valid(String schemaName, int exitCode, String... args) {
        CommandResult result = Ipc.run(args);
        assertEquals(exitCode, result.exitCode(), () -> String.join(" ", args) + ": " + result);
        JsonNode document;
        try {
            document = JSON.readTree(result.out());
        } catch (IOException e) {
            throw new UncheckedIOException(String.join(" ", args) + " printed no JSON: " + result, e);
        }
        List<String> problems = problems(schemaName, document);
        assertEquals(List.of(), problems, () -> String.join(" ", args) + " does not match docs/schema/"
                + schemaName + ".json:\n" + document.toPrettyString());
        return document;
    }

    static JsonNode valid(String schemaName, String... args) {
        return valid(schemaName, 0, args);
    }

    /** One object of each kind, a segment attached by a real child, a queue with a message. */
    private String population() {
        int segment = Kernel.createSegment(0x5101, 8192, 0640);
        int queue = Kernel.createQueue(0x5102, 0600);
        Kernel.createSemaphores(0x5103, 3, 0644);
        Kernel.send(queue, 3, "hello");
        holders.hold("attach2", Integer.toString(segment));
        String name = objects.posixName();
        assertEquals(0, Ipc.run("mk", "--posix-shmem", "4K", "--posix-mqueue", "--posix-semaphore", "2",
                "--name", name).exitCode());
        return name;
    }

    private static String every(String... columns) {
        return String.join(",", columns);
    }

    private static final String SYSTEM_V = every("KEY", "ID", "OWNER", "PERMS", "CUID", "CUSER", "CGID", "CGROUP",
            "UID", "USER", "GID", "GROUP", "CTIME", "PROCS", "REASON");
    private static final String POSIX = every("NAME", "OWNER", "PERMS", "UID", "USER", "GID", "GROUP", "MTIME");

    @Test
    void ls_in_every_form_matches_ls_json() {
        String name = population();
        valid("ls", "ls", "--json");
        valid("ls", "ls", "-J", "-q");
        valid("ls", "ls", "--json", "-q", "-o", SYSTEM_V + ",USEDBYTES,MSGS,SEND,RECV,LSPID,LRPID");
        valid("ls", "ls", "--json", "-m", "-o", SYSTEM_V + ",SIZE,NATTCH,STATUS,ATTACH,DETACH,COMMAND,CPID,LPID");
        valid("ls", "ls", "--json", "-s", "-o", SYSTEM_V + ",NSEMS,OTIME");
        JsonNode sets = valid("ls", "ls", "--json", "-s");
        JsonNode one = valid("ls", "ls", "--json", "-s", "-i", sets.get("semaphores").get(0).get("id").asText());
        assertEquals(3, one.get("semaphores").get(0).get("elements").size());
        valid("ls", "ls", "--json", "-m", "-i", "0");
        valid("ls", "ls", "--json", "-g");
        valid("ls", "ls", "--json", "-g", "-m");
        valid("ls", "ls", "--json", "--posix");
        valid("ls", "ls", "--json", "-Q", "-o", POSIX + ",USEDBYTES,MSGS,MAXMSGS,MSGSIZE");
        valid("ls", "ls", "--json", "-M", "-o", POSIX + ",SIZE");
        valid("ls", "ls", "--json", "-S", "-o", POSIX + ",SVAL", "--name", name);
        valid("ls", "ls", "--json", "--orphans");
        valid("ls", "ls", "--json", "-b", "-P", "--time-format", "full", "-o", "+CTIME");
    }

    @Test
    void ls_all_namespaces_matches_ls_json() {
        Assumptions.assumeTrue(Isolation.isRoot(), "ls -A needs root");
        population();
        CommandResult result = Ipc.run("ls", "-A", "--json", "-q");
        Assumptions.assumeTrue(result.exitCode() == 0, () -> "ls -A cannot enter the namespaces here: " + result);
        valid("ls", "ls", "-A", "--json", "-q");
    }

    @Test
    void mk_of_every_kind_matches_mk_json() {
        Kernel.createQueue(0x5201, 0600);
        JsonNode made = valid("mk", "mk", "--json", "-M", "1K", "-Q", "-S", "2", "--key", "0x5201", "-p", "640",
                "--posix-shmem", "2K", "--posix-mqueue", "--posix-semaphore", "1", "-n", objects.posixName());
        assertEquals(6, made.get("objects").size());
        assertFalse(made.get("objects").get(2).get("created").asBoolean(), "the queue existed");
        valid("mk", "mk", "--json", "-Q");
    }

    @Test
    void msg_stat_and_recv_match_their_schemas(@TempDir Path dir) throws IOException {
        int queue = Kernel.createQueue(0x5301, 0640);
        valid("msg-stat", "msg", "stat", "--id", Integer.toString(queue), "--json");
        Kernel.send(queue, 5, "text");
        Path bytes = Files.write(dir.resolve("bytes"), new byte[] {0, (byte) 0xff});
        assertEquals(0, Ipc.run("msg", "send", "--id", Integer.toString(queue), "--type", "6", "--file",
                bytes.toString()).exitCode());
        valid("msg-stat", "msg", "stat", "--key", "0x5301", "--json");
        JsonNode peeked = valid("msg-recv", "msg", "recv", "--id", Integer.toString(queue), "--peek", "--json");
        assertEquals(1, peeked.size(), peeked::toString);
        JsonNode taken = valid("msg-recv", "msg", "recv", "--id", Integer.toString(queue), "--all", "--json");
        assertEquals("text", taken.get(0).get("text").asText());
        assertEquals("AP8=", taken.get(1).get("base64").asText());
    }

    @Test
    void sem_get_matches_sem_get_json() {
        int set = Kernel.createSemaphores(0x5401, 4, 0600);
        Kernel.setValue(set, 1, 7);
        valid("sem-get", "sem", "get", "--id", Integer.toString(set), "--json");
        valid("sem-get", "sem", "get", "--key", "0x5401", "--num", "1", "--json");
    }

    @Test
    void who_with_real_users_of_every_kind_matches_who_json() {
        int segment = Kernel.createSegment(0x5501, 8192, 0600);
        int set = Kernel.createSemaphores(0x5502, 3, 0600);
        int queue = Kernel.createQueue(0x5503, 0600);
        holders.hold("attach2", Integer.toString(segment));
        Process waiter = holders.hold("semop", Integer.toString(set), "1", "-1");
        Holders.awaitCall(waiter, CALLS.semtimedop(), "semop sleeps");
        Process receiver = holders.hold("msgrcv", Integer.toString(queue), "42");
        Holders.awaitCall(receiver, CALLS.msgrcv(), "msgrcv sleeps");
        String memory = objects.posixName();
        String mqueue = objects.posixName();
        String semaphore = objects.posixName();
        holders.hold("pshm", memory, "8192");
        holders.hold("mqopen", mqueue);
        holders.hold("psem", semaphore);
        JsonNode who = valid("who", "who", "--json");
        List<String> kinds = new ArrayList<>();
        who.get("objects").forEach(object -> kinds.add(object.get("kind").asText()));
        assertTrue(kinds.containsAll(List.of("shm", "sem", "msg", "pshm", "pmsg", "psem")), kinds::toString);
        valid("who", "who", "-m", Integer.toString(segment), "--json");
    }

    @Test
    void ns_matches_ns_json() {
        Kernel.createSegment(0x5601, 4096, 0600);
        valid("ns", "ns", "--json");
    }

    @Test
    @ExtendWith(PrivateLimits.class) // changes a limit: starts from and goes back to the kernel's defaults
    void tune_show_change_preset_persist_and_refusal_match_tune_json(@TempDir Path dir) {
        for (String group : List.of("msg", "sem", "shm")) {
            valid("tune", group, "tune", "--json");
        }
        JsonNode shm = valid("tune", "shm", "tune", "--json");
        assertEquals("18446744073692774399", shm.get("limits").get(0).get("value").bigIntegerValue().toString(),
                "SHMMAX stays exact beyond 2^53");
        valid("tune", "msg", "tune", "--json", "--msgmnb", "32K", "--dry-run");
        valid("tune", "msg", "tune", "--json", "--msgmnb", "32768", "--persist", dir.resolve("ipc.conf").toString());
        valid("tune", "sem", "tune", "--json", "--preset", "db2", "--ram", "64G");
        valid("tune", "shm", "tune", "--json", "--preset", "oracle", "--ram", "8G", "--apply", "--dry-run");
        JsonNode refused = valid("tune", 1, "shm", "tune", "--json", "--shmmax", "1");
        assertEquals(1, refused.get("refused").size());
    }

    @ParameterizedTest(name = "pipe-demo {0}")
    @ValueSource(strings = {"hello", "hello --no-close --wait 200ms", "eof", "nonblock",
            "atomic --size 4096,4097 --writers 2 --records 10", "capacity", "capacity --size 128K",
            "pipeline -- printf a\\nb | sort", "popen --mode r uname", "popen --mode w cat", "sigpipe"})
    void every_pipe_demo_matches_its_schema(String line) {
        List<String> args = new ArrayList<>(List.of("pipe-demo"));
        args.addAll(List.of(line.split(" ")));
        args.add(2, "--json");
        String demo = args.get(1);
        valid("pipe-demo-" + demo, args.toArray(String[]::new));
    }

    @Test
    void signal_and_socket_demos_match_their_schemas() {
        valid("signal-demo", "signal", "demo", "--json", "--signals", "20", "--queued", "4", "--members", "2");
        valid("socket-demo", "socket", "demo", "--json", "-m", "a", "-m", "b");
    }

    @Test
    void the_lab_demos_match_their_schemas() {
        valid("sem-demo", "sem", "demo", "--json", "--pace", "0");
        valid("sem-demo", "sem", "demo", "--json", "--pace", "0", "--trace");
        valid("msg-demo", "msg", "demo", "--json", "--round-trips", "20", "--clients", "2");
        valid("shm-demo", "shm", "demo", "--json", "--items", "50", "--size", "128");
    }

    /** The commands this test runs with --json: every command of the tree that has the option. */
    private static final Set<String> RUN_HERE = Set.of("ipc ls", "ipc mk", "ipc msg stat", "ipc msg recv",
            "ipc sem get", "ipc who", "ipc ns", "ipc msg tune", "ipc sem tune", "ipc shm tune", "ipc signal demo",
            "ipc socket demo", "ipc pipe-demo hello", "ipc pipe-demo eof", "ipc pipe-demo nonblock",
            "ipc pipe-demo atomic", "ipc pipe-demo capacity", "ipc pipe-demo pipeline", "ipc pipe-demo popen",
            "ipc pipe-demo sigpipe", "ipc sem demo", "ipc msg demo", "ipc shm demo");

    @Test
    void every_command_with_json_has_a_schema_file_and_is_run_here() {
        Map<String, String> schemas = Generate.jsonSchemas(CommandTree.full());
        for (Map.Entry<String, String> schema : schemas.entrySet()) {
            assertTrue(Files.isRegularFile(Path.of(schema.getValue())), schema.getKey() + ": " + schema.getValue()
                    + " is missing");
        }
        assertEquals(new TreeSet<>(RUN_HERE), new TreeSet<>(schemas.keySet()),
                "a command took --json (or lost it): give it a schema and run it in this test");
    }

    /** Each schema file is itself valid 2020-12 JSON Schema that the library compiles, and names its dialect. */
    @Test
    void every_schema_file_compiles() throws IOException {
        try (Stream<Path> files = Files.list(SCHEMAS)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(all.size() >= 10, all::toString);
            for (Path file : all) {
                JsonNode text = JSON.readTree(file.toFile());
                assertEquals("https://json-schema.org/draft/2020-12/schema", text.get("$schema").asText(),
                        file.toString());
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                schema(name).validate(JSON.createObjectNode());
            }
        }
    }

    /** The schemas catch drift: the encodings of another vocabulary are refused. */
    @Test
    void a_field_that_drifts_fails_its_schema() {
        Kernel.createQueue(0x5701, 0644);
        JsonNode made = valid("mk", "mk", "--json", "-Q", "--key", "0x5702", "-p", "644");
        ObjectNode object = (ObjectNode) made.get("objects").get(0);
        object.put("key", 0x5702); // a number where the key is text
        assertFalse(problems("mk", made).isEmpty(), "a numeric key passes");
        object.put("key", "0x00005702").put("mode", 420); // a number where the mode is octal text
        assertFalse(problems("mk", made).isEmpty(), "a numeric mode passes");
        object.put("mode", "0644").remove("key_number");
        assertFalse(problems("mk", made).isEmpty(), "a key without key_number passes");

        JsonNode stat = valid("msg-stat", "msg", "stat", "--key", "0x5701", "--json");
        ((ObjectNode) stat).put("ctime", 1796656200L); // seconds since the epoch where a time is ISO text
        assertFalse(problems("msg-stat", stat).isEmpty(), "an epoch time passes");

        JsonNode listing = valid("ls", "ls", "-q", "--json");
        ((ObjectNode) listing.get("messages").get(0)).put("usedbytes", "0B"); // a human size
        assertFalse(problems("ls", listing).isEmpty(), "a human-readable size passes");
        ((ObjectNode) listing.get("messages").get(0)).put("usedbytes", 0).put("colour", "red");
        assertFalse(problems("ls", listing).isEmpty(), "an unknown member passes");
    }
}

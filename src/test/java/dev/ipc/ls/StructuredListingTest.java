// ipc ls in lsipc's conventions: JSON parsed back, export evaluated by sh, columns chosen and refused.
package dev.ipc.ls;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Await;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.libc.SemaphoreCalls;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigInteger;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StructuredListingTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static int queue;
    private static int bigSegment;
    private static long attachment;

    @BeforeAll
    static void createObjects() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        queue = Kernel.createQueue(0x1234, 0640);
        Kernel.send(queue, 1, "hello");
        Kernel.send(queue, 2, "0123456789");
        bigSegment = Kernel.createSegment(0x5555, 12345678901L, 0600);
        attachment = Kernel.attach(bigSegment);
        Kernel.createSemaphores(0x77, 3, 0644);
        Kernel.createSemaphores(0x78, 1, 0644);
        Kernel.createSemaphores(0x79, 5, 0600);
    }

    @AfterAll
    static void removeObjects() {
        if (Isolation.inPrivateIpcNamespace()) {
            Kernel.detach(attachment);
            Kernel.removeAll();
        }
    }

    @Test
    void json_of_one_semaphore_set_has_each_semaphore_as_ipcs_shows_it() throws Exception {
        int set = Kernel.createSemaphores(0x7a, 3, 0600);
        IpcProcess waiter = null;
        try {
            Kernel.setValue(set, 1, 5);
            Kernel.semop(set, 2, 2); // sempid: this JVM
            waiter = IpcProcess.start("sem", "op", "--id", Integer.toString(set), "0:-1");
            Await.until(() -> SemaphoreCalls.waitingForIncrease(set, 0) == 1, "semop sleeps");
            CommandResult result = Ipc.run("ls", "-s", "-i", Integer.toString(set), "--json");
            assertEquals(0, result.exitCode(), result::toString);
            JsonNode elements = JSON.readTree(result.out()).get("semaphores").get(0).get("elements");
            assertEquals(3, elements.size(), result::toString);
            assertEquals(List.of(0, 5, 2), List.of(elements.get(0).get("value").asInt(),
                    elements.get(1).get("value").asInt(), elements.get(2).get("value").asInt()));
            assertEquals(1, elements.get(0).get("ncount").asInt(), "the waiter");
            assertEquals(0, elements.get(0).get("zcount").asInt());
            assertEquals(2, elements.get(2).get("semnum").asInt());
            assertEquals(ProcessHandle.current().pid(), elements.get(2).get("pid").asLong());
            assertTrue(JSON.readTree(Ipc.run("ls", "-s", "--json").out()).get("semaphores").get(0)
                    .get("elements") == null, "only with -i");

            CommandResult sval = Ipc.run("ls", "-s", "-o", "+SVAL");
            assertEquals(2, sval.exitCode(), sval::toString);
            assertEquals("ipc: column SVAL does not apply to semaphore sets (SVAL is a POSIX semaphore's value, "
                    + "with --posix-semaphores; a System V set's values, ncount, zcount and pids: ipc ls -s -i ID, "
                    + "with --json as \"elements\")\n", sval.err());
        } finally {
            if (waiter != null) {
                waiter.kill();
            }
            Kernel.removeSemaphores(set);
        }
    }

    @Test
    void json_is_valid_and_its_numbers_are_numbers() throws Exception {
        CommandResult result = Ipc.run("ls", "--json");
        assertEquals(0, result.exitCode(), result::toString);
        JsonNode root = JSON.readTree(result.out());
        JsonNode q = root.get("messages").get(0);
        assertEquals("0x00001234", q.get("key").asText());
        assertTrue(q.get("id").isIntegralNumber());
        assertEquals(15, q.get("usedbytes").asLong());
        assertEquals(2, q.get("msgs").asLong());
        assertEquals("rw-r-----", q.get("perms").asText());
        JsonNode segment = root.get("sharedmemory").get(0);
        assertTrue(segment.get("size").isIntegralNumber());
        assertEquals(12345678901L, segment.get("size").asLong());
        assertEquals(1, segment.get("nattch").asLong());
        assertEquals(3, root.get("semaphores").size());
    }

    @Test
    void json_holds_unsigned_64_bit_limits_without_overflow() throws Exception {
        CommandResult result = Ipc.run("ls", "-g", "-m", "--json");
        JsonNode rows = JSON.readTree(result.out()).get("ipclimits");
        String shmmax = new KernelValues().read("shmmax");
        JsonNode row = find(rows, "SHMMAX");
        assertTrue(row.get("limit").isIntegralNumber());
        assertEquals(new BigInteger(shmmax), row.get("limit").bigIntegerValue());
        assertEquals(3, rows.size() - 1, "SHMMNI SHMALL SHMMAX SHMMIN only: " + rows);
    }

    @Test
    void global_counts_semaphores_over_all_sets() throws Exception {
        CommandResult result = Ipc.run("ls", "-g", "--json");
        JsonNode rows = JSON.readTree(result.out()).get("ipclimits");
        assertEquals(9, find(rows, "SEMMNS").get("used").asLong(), "3 + 1 + 5 semaphores");
        assertEquals(3, find(rows, "SEMMNI").get("used").asLong());
        assertEquals(1, find(rows, "MSGMNI").get("used").asLong());
        JsonNode segments = find(rows, "SHMMNI");
        double expected = Math.round(100.0 / segments.get("limit").asLong() * 100) / 100.0;
        assertEquals(expected, segments.get("use%").asDouble());
        assertTrue(find(rows, "MSGMAX").get("used").isNull());
    }

    /** As lsipc 2.41 names them: MQUMAX the largest message in bytes, MQUMNB the messages a queue holds. */
    @Test
    void posix_queue_limits_are_named_as_lsipc_names_them() {
        CommandResult result = Ipc.run("ls", "-g", "-Q", "-r", "--noheadings", "-b", "-o", "RESOURCE,LIMIT");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals("MQUMNI " + mqueue("queues_max") + "\nMQUMAX " + mqueue("msgsize_max") + "\nMQUMNB "
                + mqueue("msg_max") + "\n", result.out());
        String described = Ipc.run("ls", "-g", "-Q", "-r", "--noheadings", "-o", "RESOURCE,DESCRIPTION").out();
        assertTrue(described.contains("MQUMAX Max\\x20size\\x20of\\x20POSIX\\x20message\\x20(bytes)\n"), described);
        assertTrue(described.contains("MQUMNB Number\\x20of\\x20messages\\x20in\\x20POSIX\\x20message\\x20queue\n"),
                described);
    }

    private static String mqueue(String name) {
        return Processes.run(List.of("cat", "/proc/sys/fs/mqueue/" + name)).out().trim();
    }

    @Test
    void global_text_table_shows_use_in_percent() {
        CommandResult result = Ipc.run("ls", "-g", "-s");
        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = result.out().lines().toList();
        // as lsipc: the kind's own columns, empty, before the limits'
        assertTrue(lines.get(0).matches("KEY ID PERMS OWNER NSEMS RESOURCE +DESCRIPTION +LIMIT +USED +USE%"),
                lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.matches(" +SEMMNS +Total number of semaphores +\\d+ +9 +\\d+\\.\\d\\d%")),
                result::out);
        assertEquals(6, lines.size(), "heading and the five semaphore limits: " + result.out());
    }

    @Test
    void export_lines_evaluate_in_sh() {
        CommandResult result = Ipc.run("ls", "-q", "--export", "-o", "KEY,ID,USEDBYTES,PERMS", "--bytes");
        String line = result.out().lines().findFirst().orElseThrow();
        CommandResult shell = Processes.run(List.of("sh", "-c", "eval \"$1\"; echo \"$KEY|$USEDBYTES|$PERMS\"",
                "sh", line));
        assertEquals("0x00001234|15|rw-r-----\n", shell.out(), line);
    }

    @Test
    void output_list_replaces_or_extends_the_columns() {
        String id = Integer.toString(queue);
        assertEquals(List.of("KEY        ID", "0x00001234 " + id),
                Ipc.run("ls", "-q", "-o", "KEY,ID").out().lines().toList(), "ids are left-aligned, as lsipc has them");
        String extended = Ipc.run("ls", "-q", "-o", "+CUSER,CTIME").out().lines().findFirst().orElseThrow();
        assertTrue(extended.matches("KEY +ID +PERMS +OWNER +USEDBYTES +MSGS +LSPID +LRPID +CUSER +CTIME"), extended);
    }

    @Test
    void numeric_perms_and_time_formats() {
        String numeric = Ipc.run("ls", "-q", "-P", "--noheadings", "-o", "PERMS").out();
        assertEquals(" 0640\n", numeric, "as lsipc's %#o, right-aligned under the heading it does not print");
        String iso = Ipc.run("ls", "-q", "--time-format", "iso", "--noheadings", "-o", "CTIME").out().trim();
        assertTrue(iso.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+00:00"), iso);
        String full = Ipc.run("ls", "-q", "--time-format", "full", "--noheadings", "-o", "CTIME").out().trim();
        assertTrue(full.matches("[A-Z][a-z]{2} [A-Z][a-z]{2} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d \\d{4}"), full);
    }

    @Test
    void raw_output_keeps_empty_fields_and_escapes_blanks() throws Exception {
        CommandResult result = Ipc.run("ls", "-m", "--raw", "--noheadings", "-o", "ID,STATUS,SIZE");
        assertEquals(bigSegment + "  11.5G\n", result.out(), "an empty status stays an empty field");
        // The segment's creator is this JVM, whose command line has blanks.
        String line = Ipc.run("ls", "-m", "--raw", "--noheadings", "-o", "ID,COMMAND").out().trim();
        String[] fields = line.split(" ");
        assertEquals(2, fields.length, line);
        String cmdline = new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/self/cmdline")),
                java.nio.charset.StandardCharsets.UTF_8).replaceAll("\u0000+$", "").replace('\u0000', ' ');
        assertEquals(cmdline.replace("\\", "\\x5c").replace(" ", "\\x20"), fields[1]);
    }

    @ParameterizedTest(name = "ipc ls {0}")
    @CsvSource(delimiter = '|', value = {
            "-o FOO|2|unknown column: 'FOO'",
            "-m -o NSEMS|2|column NSEMS does not apply to shared memory segments",
            "--time-format yesterday|2|invalid --time-format 'yesterday': expected short, full or iso",
            "--json -i abc -q|1|failed to parse id argument: 'abc'",
            "--json -i 1|1|when using an ID, a single resource must be specified",
            "-N x|2|--name 'x' needs exactly one of -Q, -M, -S",
            "--json --output|1|Missing required parameter for option '--output' (LIST)"})
    void bad_input_is_one_line_and_the_right_exit_code(String arguments, int exitCode, String message) {
        CommandResult result = Ipc.run(IpcsCompatibilityTest.command("ls", arguments.split(" "))
                .toArray(String[]::new));
        assertEquals(exitCode, result.exitCode(), result::toString);
        assertEquals(1, result.err().lines().count(), result::toString);
        assertTrue(result.err().startsWith("ipc: " + message), result::toString);
        assertEquals("", result.out());
    }

    private static JsonNode find(JsonNode rows, String resource) {
        for (JsonNode row : rows) {
            if (row.get("resource").asText().equals(resource)) {
                return row;
            }
        }
        throw new AssertionError("no " + resource + " in " + rows);
    }

    /** The namespace's own limits, read as the kernel prints them. */
    static final class KernelValues {
        String read(String name) {
            return Processes.run(List.of("cat", "/proc/sys/kernel/" + name)).out().trim();
        }
    }
}

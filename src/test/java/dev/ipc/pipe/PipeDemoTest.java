// The pipe demos run in this JVM: their findings, their messages and exit codes, and what they leave behind
// (nothing: no descriptor, no child).
package dev.ipc.pipe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.procfs.ProcFile;
import dev.ipc.procfs.ProcessStatus;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(NothingLeftBehind.class)
class PipeDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DURATION =
            "expected a duration such as 500ms, 2s, 1m or 1h30m (a plain number is seconds), ";

    private static CommandResult demo(String... args) {
        List<String> line = new ArrayList<>(List.of("pipe-demo"));
        line.addAll(List.of(args));
        return Ipc.run(line.toArray(new String[0]));
    }

    private static JsonNode json(CommandResult result) throws IOException {
        return JSON.readTree(result.out());
    }

    /** Runs a demo that must succeed (exit 0) and returns its --json findings. */
    private static JsonNode findings(String... args) throws IOException {
        CommandResult result = demo(args);
        assertEquals(0, result.exitCode(), result::toString);
        return json(result);
    }

    private static void assertAllChecksPassed(JsonNode findings) {
        assertTrue(findings.get("checks").size() > 0, "no rule was checked");
        for (JsonNode check : findings.get("checks")) {
            assertTrue(check.get("ok").asBoolean(), check.toString());
        }
        assertTrue(findings.get("ok").asBoolean());
    }

    // ---- the documents' examples ----

    @Test
    void hello_parent_reads_the_childs_message_then_end_of_file() throws IOException {
        JsonNode findings = findings("hello", "--json");
        assertEquals("Hello from child", findings.get("received").asText());
        assertTrue(findings.get("end_of_file").asBoolean());
        assertEquals(0, findings.get("processes").get(0).get("status").get("exit_code").asInt());
        assertAllChecksPassed(findings);
    }

    @Test
    void hello_tells_its_story_step_by_step() {
        CommandResult result = demo("hello");
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("parent: read 16 bytes: \"Hello from child\"\n"), result::toString);
        assertTrue(result.out().contains("parent: closed the write end it does not use"), result::toString);
        assertTrue(result.out().contains("parent: read returned 0, end of file"), result::toString);
        assertEquals("", result.err());
    }

    @Test
    void hello_without_close_sees_no_end_of_file_until_the_parent_closes_its_write_end() throws IOException {
        JsonNode findings = findings("hello", "--no-close", "--wait", "0.3", "--json");
        assertEquals("Hello from child", findings.get("received").asText());
        assertFalse(findings.get("end_of_file_while_write_end_open").asBoolean());
        assertTrue(findings.get("end_of_file").asBoolean());
        assertAllChecksPassed(findings);
    }

    @Test
    void timeout_and_wait_take_durations_as_every_other_option_does() throws IOException {
        assertAllChecksPassed(findings("hello", "--timeout", "2s", "--json"));
        assertAllChecksPassed(findings("hello", "--no-close", "--wait", "300ms", "--timeout", "1m", "--json"));
    }

    @Test
    void pipeline_default_is_ls_into_more_which_copies_like_cat() {
        CommandResult result = demo("pipeline");
        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(Processes.run(List.of("ls")).out(), result.out());
        assertTrue(result.err().contains("stage 1 (ls): exited with status 0\n"), result::toString);
        assertTrue(result.err().contains("stage 2 (more): exited with status 0\n"), result::toString);
    }

    @Test
    void pipeline_runs_any_number_of_stages() throws IOException {
        JsonNode findings = findings("pipeline", "--json", "--", "printf", "b\\na\\nc\\n", "|", "sort", "|", "head",
                "-2", "|", "cat", "-n");
        assertEquals("     1\ta\n     2\tb\n", findings.get("output").asText());
        assertEquals(4, findings.get("processes").size());
        assertEquals(3, findings.get("pipes").size());
        for (JsonNode stage : findings.get("processes")) {
            assertEquals(0, stage.get("status").get("exit_code").asInt(), stage::toString);
        }
    }

    @Test
    void a_writer_killed_by_sigpipe_after_its_reader_ended_is_no_failure() throws IOException {
        JsonNode findings = findings("pipeline", "--json", "--", "yes", "|", "head", "-1");
        assertEquals("y\n", findings.get("output").asText());
        assertEquals("SIGPIPE", findings.get("processes").get(0).get("status").get("signal_name").asText());
    }

    @Test
    void popen_r_reads_the_commands_output_and_reports_the_status_pclose_returns() throws IOException {
        CommandResult result = demo("popen", "--mode", "r", "--json", "printf 'x\\ny'; exit 3");
        assertEquals(1, result.exitCode(), result::toString);
        JsonNode findings = json(result);
        assertEquals("x\ny", findings.get("output").asText());
        assertEquals(3 << 8, findings.get("pclose").asInt());
        assertTrue(findings.get("end_of_file").asBoolean());
        assertTrue(result.err().matches("ipc: pipe-demo popen: command \\(sh, pid \\d+\\) exited with status 3\n"),
                result::toString);
    }

    @Test
    void popen_w_gives_the_command_end_of_file_on_pclose() throws IOException {
        JsonNode findings = findings("popen", "--mode", "w", "--json", "wc -c");
        assertEquals("0\n", findings.get("output").asText());
        assertEquals(0, findings.get("pclose").asInt());
    }

    // ---- descriptors: a child gets fds 0, 1 and 2, nothing else ----

    @Test
    void a_pipeline_stage_holds_only_the_descriptors_the_demo_gave_it() throws IOException {
        assertTrue(thisJvmHoldsDescriptorsWithoutCloseOnExec(), "nothing to leak: the test would prove nothing");
        List<String> fds = descriptors(findings("pipeline", "--json", "--", "sh", "-c", "ls -l /proc/$$/fd", "|", "cat")
                .get("output").asText());
        assertEquals(3, fds.size(), fds::toString);
        assertEquals("0 -> /dev/null", fds.get(0));
        assertTrue(fds.get(1).matches("1 -> pipe:\\[\\d+]"), fds::toString);
        assertTrue(fds.get(2).startsWith("2 -> "), fds::toString);
    }

    @Test
    void a_popen_command_holds_only_the_descriptors_the_demo_gave_it() throws IOException {
        assertEquals("0\n1\n2\n", findings("popen", "--mode", "r", "--json", "ls /proc/$$/fd").get("output").asText());
    }

    private static List<String> descriptors(String lsOutput) {
        List<String> fds = new ArrayList<>();
        Matcher matcher = Pattern.compile(" (\\d+ -> .*)$", Pattern.MULTILINE).matcher(lsOutput);
        while (matcher.find()) {
            fds.add(matcher.group(1));
        }
        return fds;
    }

    /** The test JVM, like any JVM, holds descriptors that a careless spawn would hand on. */
    private static boolean thisJvmHoldsDescriptorsWithoutCloseOnExec() throws IOException {
        try (var fds = Files.list(Path.of("/proc/self/fdinfo"))) {
            for (Path info : fds.toList()) {
                int fd = Integer.parseInt(info.getFileName().toString());
                try {
                    String flags = Files.readAllLines(info).stream().filter(l -> l.startsWith("flags:")).findFirst()
                            .orElse("flags: 0");
                    if (fd > 2 && (Integer.parseInt(flags.substring(6).trim(), 8) & 02000000) == 0) {
                        return true;
                    }
                } catch (IOException closedMeanwhile) {
                    // the listing's own descriptor
                }
            }
        }
        return false;
    }

    // ---- failures: one line, an exit code, nothing left behind ----

    @Test
    void a_missing_command_is_one_line_and_127_before_anything_starts() {
        CommandResult result = demo("pipeline", "--", "ls", "|", "no-such-command-here", "|", "cat");
        assertEquals(127, result.exitCode(), result::toString);
        assertEquals("ipc: pipe-demo pipeline: no-such-command-here: command not found\n", result.err());
        assertEquals("", result.out());
    }

    @Test
    void a_command_that_is_not_executable_is_126(@TempDir Path dir) throws IOException {
        Path script = Files.writeString(dir.resolve("script"), "echo hi\n");
        CommandResult result = demo("pipeline", "--", script.toString());
        assertEquals(126, result.exitCode(), result::toString);
        assertEquals("ipc: pipe-demo pipeline: " + script + ": Permission denied\n", result.err());
    }

    @Test
    void a_command_the_kernel_cannot_execute_is_126_as_posix_spawn_reports_it(@TempDir Path dir) throws IOException {
        Path noShebang = Files.writeString(dir.resolve("data"), "not a program\n");
        Files.setPosixFilePermissions(noShebang, PosixFilePermissions.fromString("rwxr-xr-x"));
        CommandResult result = demo("pipeline", "--", "ls", "|", noShebang.toString());
        assertEquals(126, result.exitCode(), result::toString);
        assertTrue(result.err().endsWith("ipc: pipe-demo pipeline: " + noShebang + ": Exec format error\n"),
                result::toString);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "ls,|,|,cat; empty stage 2 between two '|'",
            "|,ls; empty stage 1 before the first '|'",
            "ls,|; empty stage 2 after the last '|'"})
    void an_empty_stage_is_a_usage_error(String words, String message) {
        List<String> line = new ArrayList<>(List.of("pipeline", "--"));
        line.addAll(List.of(words.split(",")));
        CommandResult result = demo(line.toArray(new String[0]));
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("ipc: pipe-demo pipeline: " + message + ": each stage needs a command\n", result.err());
    }

    @Test
    void a_failing_stage_is_one_line_and_exit_1_after_every_stage_is_reaped() throws IOException {
        CommandResult result = demo("pipeline", "--json", "--", "sh", "-c", "echo out; exit 3", "|", "cat");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().matches("ipc: pipe-demo pipeline: stage 1 \\(sh, pid \\d+\\) exited with status 3\n"),
                result::toString);
        JsonNode findings = json(result);
        assertFalse(findings.get("ok").asBoolean());
        assertEquals("out\n", findings.get("output").asText());
        assertEquals(0, findings.get("processes").get(1).get("status").get("exit_code").asInt());
    }

    @Test
    void a_stage_still_running_at_the_timeout_is_killed_and_reaped() throws IOException {
        CommandResult result = demo("pipeline", "--json", "--timeout", "0.3", "--", "sleep", "60", "|", "cat");
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().matches("ipc: pipe-demo pipeline: stage 1 \\(sleep, pid \\d+\\) was still running "
                + "after 300ms and was killed\n"), result::toString);
        JsonNode sleep = json(result).get("processes").get(0);
        assertTrue(sleep.get("killed_at_timeout").asBoolean());
        assertEquals("SIGKILL", sleep.get("status").get("signal_name").asText());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "popen,--mode,x,true; invalid --mode 'x': expected r or w, as popen's type",
            "capacity,--size,0; invalid --size '0': expected a size such as 4096, 64K or 1.5G (K, M, G, T count 1024s), "
                    + "from 1 to 2147483647 bytes",
            "atomic,--writers,27; invalid --writers '27': expected a number from 1 to 26",
            "hello,--wait,1e3; invalid --wait '1e3': " + DURATION + "from 0 and at most 365d",
            "eof,--timeout,-1; invalid --timeout '-1': " + DURATION + "from 0 and at most 365d",
            "hello,--timeout,1h30; invalid --timeout '1h30': " + DURATION + "from 0 and at most 365d"})
    void bad_values_are_usage_errors(String words, String message) {
        CommandResult result = demo(words.split(","));
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("ipc: pipe-demo " + words.split(",")[0] + ": " + message + "\n", result.err());
    }

    // ---- the kernel's rules ----

    @Test
    void capacity_is_what_fills_before_eagain_and_what_f_getpipe_sz_says() throws IOException {
        JsonNode findings = findings("capacity", "--json");
        assertEquals(findings.get("f_getpipe_sz").asLong(), findings.get("capacity").asLong());
        assertTrue(findings.get("capacity").asLong() >= 4096);
        assertAllChecksPassed(findings);
    }

    @Test
    void capacity_after_f_setpipe_sz_is_rounded_up_to_a_power_of_two_pages() throws IOException {
        long max = Long.parseLong(ProcFile.readText(Path.of("/proc/sys/fs/pipe-max-size")).trim());
        Assumptions.assumeTrue(max >= 131072, "pipe-max-size is below 128 KiB here");
        JsonNode findings = findings("capacity", "--size", "100000", "--json");
        assertEquals(131072, findings.get("f_getpipe_sz").asLong());
        assertEquals(131072, findings.get("capacity").asLong());
    }

    @Test
    void capacity_above_pipe_max_size_is_refused_without_cap_sys_resource_and_says_so() throws IOException {
        Assumptions.assumeFalse(ProcessStatus.hasCapability(ProcessStatus.CAP_SYS_RESOURCE),
                "this JVM has CAP_SYS_RESOURCE: no limit to show");
        long max = Long.parseLong(ProcFile.readText(Path.of("/proc/sys/fs/pipe-max-size")).trim());
        CommandResult result = demo("capacity", "--size", Long.toString(max * 2));
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().endsWith("ipc: pipe-demo capacity: F_SETPIPE_SZ " + max * 2 + " refused: Operation "
                + "not permitted: above /proc/sys/fs/pipe-max-size (" + max + "), which only a process with "
                + "CAP_SYS_RESOURCE may exceed, and this one has not\n"), result::toString);
        assertTrue(result.out().contains("/proc/sys/fs/pipe-max-size is " + max + " bytes"), result::toString);
    }

    @Test
    void nonblock_gives_eagain_on_empty_and_full_pipes_and_partial_writes_above_pipe_buf() throws IOException {
        JsonNode findings = findings("nonblock", "--json");
        assertEquals(6, findings.get("checks").size());
        assertAllChecksPassed(findings);
        assertTrue(findings.get("partial_write").asLong() > 0 && findings.get("partial_write").asLong() < 8192);
    }

    @Test
    void eof_comes_only_when_every_write_end_in_every_process_is_closed() throws IOException {
        JsonNode findings = findings("eof", "--json");
        assertTrue(findings.get("read_with_two_writers").asText().startsWith("-1 EAGAIN"));
        assertTrue(findings.get("read_with_one_writer").asText().startsWith("-1 EAGAIN"));
        assertEquals("0", findings.get("read_with_no_writer").asText());
        assertAllChecksPassed(findings);
    }

    @Test
    void sigpipe_kills_a_default_writer_and_is_epipe_where_ignored_or_caught() throws IOException {
        JsonNode findings = findings("sigpipe", "--json");
        assertEquals("SIGPIPE", findings.get("processes").get(0).get("status").get("signal_name").asText());
        assertEquals(1, findings.get("processes").get(1).get("status").get("exit_code").asInt());
        assertTrue(findings.get("ignored_writer_said").asText().contains("Broken pipe"));
        assertTrue(findings.get("this_process_write").asText().startsWith("-1 EPIPE"));
        assertAllChecksPassed(findings);
    }

    @Test
    void atomic_writes_of_at_most_pipe_buf_are_never_torn_and_nothing_is_lost() throws IOException {
        JsonNode atomic = findings("atomic", "--json", "--size", "512,4096,100000", "--writers", "3",
                "--records", "50");
        JsonNode runs = atomic.get("runs");
        assertEquals(3, runs.size());
        for (JsonNode run : runs) {
            assertTrue(run.get("complete").asBoolean(), run::toString);
            assertEquals(3L * 50 * run.get("size").asLong(), run.get("bytes").asLong());
            if (run.get("at_most_pipe_buf").asBoolean()) {
                assertEquals(0, run.get("torn").asLong(), run::toString);
            }
        }
        Set<Long> writers = new TreeSet<>();
        atomic.get("processes").forEach(child -> writers.add(child.get("pid").asLong()));
        assertEquals(9, writers.size());
    }
}

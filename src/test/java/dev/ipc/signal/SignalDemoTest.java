// ipc signal demo run in this JVM: what the kernel did (its --json findings), the trace on stderr, usage errors,
// and nothing left behind (no child, running or zombie, and no pipe).
package dev.ipc.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ipc.support.Await;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class SignalDemoTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private Set<String> pipesBefore;

    @BeforeEach
    void noChildren() {
        assertEquals(List.of(), children(), "children before the test");
        pipesBefore = pipes();
    }

    @AfterEach
    void nothingLeftBehind() {
        assertEquals(List.of(), children(), "children left behind (running or zombie)");
        // the JDK closes a finished child's pipes on its reaper thread just after waitFor returns: given that moment
        Await.until(() -> pipes().equals(pipesBefore), "no pipe left open: only " + pipesBefore);
    }

    private static JsonNode findings(String... args) throws IOException {
        List<String> line = new java.util.ArrayList<>(List.of("signal", "demo", "--json"));
        line.addAll(List.of(args));
        CommandResult r = Ipc.run(line.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r::toString);
        JsonNode findings = JSON.readTree(r.out());
        for (JsonNode check : findings.get("checks")) {
            assertTrue(check.get("ok").asBoolean(), () -> check + "\n" + r);
        }
        assertEquals(0, findings.get("failures").size(), r::toString);
        assertTrue(findings.get("ok").asBoolean(), r::toString);
        return findings;
    }

    @Test
    void a_blocked_standard_signal_sent_many_times_is_taken_once() throws IOException {
        JsonNode standard = findings("--signals", "5000", "--queued", "2").get("standard");
        assertEquals(5000, standard.get("sent").asInt());
        assertEquals(1, standard.get("taken").asInt());
    }

    @Test
    void queued_real_time_signals_all_arrive_in_order_with_their_values_and_sender() throws IOException {
        JsonNode findings = findings("--signals", "10", "--queued", "500");
        JsonNode realtime = findings.get("realtime");
        assertEquals("SIGRTMIN+1", realtime.get("signal").asText());
        assertEquals(500, realtime.get("taken").asInt());
        for (int i = 0; i < 500; i++) {
            assertEquals(i, realtime.get("values").get(i).asInt(), "value " + i);
        }
        assertEquals(ProcessHandle.current().pid(), findings.get("sender_pid").asLong());
        assertTrue(findings.get("checks").toString().contains("si_code SI_QUEUE"), findings::toString);
    }

    @Test
    void the_receiver_jvm_blocks_the_signals_in_every_thread() throws IOException {
        JsonNode receiver = findings("--signals", "1", "--queued", "1").get("receiver");
        assertTrue(receiver.get("threads").asInt() > 5, receiver::toString);
        assertEquals(receiver.get("threads").asInt(), receiver.get("threads_blocking").asInt(), receiver::toString);
        assertEquals(0, receiver.get("exit_status").asInt());
    }

    @Test
    void kill_of_a_process_group_ends_every_member_and_nobody_else_and_sigchld_reports_them() throws IOException {
        JsonNode findings = findings("--members", "5");
        JsonNode group = findings.get("group");
        assertEquals(5, group.get("members").size());
        assertEquals(group.get("pgid").asInt(), group.get("members").get(0).asInt(), "the first member leads");
        assertTrue(group.get("outsider_ran").asBoolean(), group::toString);
        int sigchld = group.get("sigchld_taken").asInt();
        assertTrue(sigchld >= 1 && sigchld <= 5, group::toString);
        Set<String> reaped = new TreeSet<>();
        group.get("reaped").forEach(line -> reaped.add(line.asText()));
        Set<String> expected = new TreeSet<>();
        group.get("members").forEach(pid -> expected.add(pid.asInt() + " killed by SIGTERM"));
        assertEquals(expected, reaped);
        JsonNode exited = findings.get("exited");
        assertEquals(1, exited.get("sigchld_code").asInt(), "CLD_EXITED");
        assertEquals(3 << 8, exited.get("wait_status").asInt(), "WIFEXITED, WEXITSTATUS 3");
    }

    @Test
    void the_story_names_each_step_and_the_trace_goes_to_stderr_as_strace_writes_it() {
        CommandResult r = Ipc.run("signal", "demo", "--signals", "50", "--queued", "4", "--trace");
        assertEquals(0, r.exitCode(), r::toString);
        String out = r.out();
        assertTrue(out.contains("sent SIGUSR1 to receiver["), out);
        assertTrue(out.contains("took SIGUSR1 once (ssi_pid " + ProcessHandle.current().pid()), out);
        assertTrue(out.contains("and SIGRTMIN+1 4 times"), out);
        assertTrue(out.endsWith("\nThe kernel behaved as the documents say.\n"), out);
        assertFalse(out.contains("call: "), "system calls stay off stdout: " + out);
        String err = r.err();
        assertTrue(err.matches("(?s).*\nparent: kill\\(\\d+, SIGUSR1\\) = 0\nparent: \\.\\.\\. the same call 49 more "
                + "times\n.*"), err);
        assertTrue(err.matches("(?s).*receiver\\[\\d+]: signalfd4\\(-1, \\[USR1 CHLD RT_3], 8, "
                + "SFD_CLOEXEC\\|SFD_NONBLOCK\\) = \\d+\n.*"), err);
        assertTrue(err.contains("rt_sigqueueinfo("), err);
        assertTrue(err.matches("(?s).*parent: kill\\(-\\d+, SIGTERM\\) = 0\n.*"), err);
        assertTrue(err.matches("(?s).*: wait4\\(-1, \\[\\{WIFSIGNALED\\(s\\) && WTERMSIG\\(s\\) == SIGTERM}], WNOHANG, "
                + "NULL\\) = \\d+\n.*"), err);
    }

    @Test
    void killing_the_demo_outright_ends_the_receiver_and_every_process_it_started() {
        IpcProcess demo = IpcProcess.start("signal", "demo", "--pace", "2s", "--members", "2");
        try {
            List<ProcessHandle> started = awaitGroup(demo);
            demo.process().toHandle().destroyForcibly(); // SIGKILL: no hook runs in the demo itself
            Await.until(() -> started.stream().noneMatch(ProcessHandle::isAlive),
                    "the receiver, the group and the outsider ended: " + started);
        } finally {
            demo.kill();
        }
    }

    @Test
    void interrupting_the_demo_ends_the_receiver_and_every_process_it_started() {
        IpcProcess demo = IpcProcess.start("signal", "demo", "--pace", "2s", "--members", "2");
        try {
            List<ProcessHandle> started = awaitGroup(demo);
            // Ctrl-C's SIGINT, to the demo alone (a terminal would send it to the whole foreground group)
            assertEquals(0, Processes.run(List.of("kill", "-INT", Long.toString(demo.pid()))).exitCode());
            IpcProcess.Result r = demo.await(60);
            assertTrue(r.outText().contains("interrupted: stopping the processes"), r::toString);
            Await.until(() -> started.stream().noneMatch(ProcessHandle::isAlive),
                    "the receiver, the group and the outsider ended: " + started);
        } finally {
            demo.kill();
        }
    }

    /** Every process under the demo once the receiver has started the group (2 members) and the outsider. */
    private static List<ProcessHandle> awaitGroup(IpcProcess demo) {
        Await.until(() -> demo.process().toHandle().descendants()
                .filter(p -> p.info().command().orElse("").endsWith("/sleep")).count() == 3,
                "two members and the outsider running");
        return demo.process().toHandle().descendants().toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "--signals 0|--signals",
            "--queued 10001|--queued",
            "--members 0|--members",
            "--timeout soon|--timeout",
            "--pace -1|--pace",
            "--role receiver|--role"})
    void bad_options_are_usage_errors_in_one_line(String arguments, String named) {
        List<String> line = new java.util.ArrayList<>(List.of("signal", "demo"));
        line.addAll(List.of(arguments.split(" ")));
        CommandResult r = Ipc.run(line.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r::toString);
        assertEquals("", r.out(), r::toString);
        assertTrue(r.err().contains(named) && r.err().strip().lines().count() == 1, r::toString);
    }

    private static List<String> children() {
        return ProcessHandle.current().children()
                .map(child -> child.pid() + " " + child.info().commandLine().orElse("?")).toList();
    }

    private static Set<String> pipes() {
        Set<String> open = new TreeSet<>();
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            for (Path fd : fds.toList()) {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    if (target.startsWith("pipe:")) {
                        open.add(fd.getFileName() + " -> " + target);
                    }
                } catch (IOException closedMeanwhile) {
                    // the listing's own descriptor
                }
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return open;
    }
}

// --trace tells the truth: each demo runs under strace -f, and every call the trace names (pipe2, dup2,
// close, close_range, execve, waitpid, fcntl, kill) is found in strace's log, in the same order, made by the
// same process.
package dev.ipc.pipe;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class PipeDemoTraceTest {
    private static final Set<String> CHECKED =
            Set.of("pipe2", "pipe", "dup2", "close", "close_range", "execve", "waitpid", "fcntl", "kill");

    static Stream<Arguments> demos() {
        return Stream.of(
                Arguments.of(List.of("hello"), Set.of("pipe2", "dup2", "close", "close_range", "execve", "waitpid")),
                Arguments.of(List.of("hello", "--no-close", "--wait", "0.2"), Set.of("pipe2", "close", "waitpid")),
                Arguments.of(List.of("pipeline"), Set.of("pipe2", "dup2", "close", "execve", "waitpid")),
                Arguments.of(List.of("pipeline", "--json", "--", "echo", "a b", "|", "tr", "a-z", "A-Z", "|", "cat"),
                        Set.of("pipe2", "dup2", "close", "execve", "waitpid")),
                Arguments.of(List.of("pipeline", "--timeout", "0.5", "--", "sleep", "9", "|", "cat"),
                        Set.of("kill", "waitpid")),
                Arguments.of(List.of("popen", "--mode", "r", "echo hi; exit 3"),
                        Set.of("pipe2", "dup2", "execve", "waitpid")),
                Arguments.of(List.of("popen", "--mode", "w", "--json", "cat"),
                        Set.of("pipe2", "dup2", "execve", "waitpid")),
                Arguments.of(List.of("capacity", "--size", "100000"), Set.of("pipe2", "fcntl")),
                Arguments.of(List.of("nonblock"), Set.of("pipe2", "fcntl", "close")),
                Arguments.of(List.of("eof"), Set.of("pipe2", "dup2", "fcntl", "close", "execve", "waitpid")),
                Arguments.of(List.of("sigpipe"), Set.of("pipe2", "dup2", "close", "execve", "waitpid")),
                Arguments.of(List.of("atomic", "--size", "4096", "--writers", "2", "--records", "20"),
                        Set.of("pipe2", "dup2", "close", "execve", "waitpid")));
    }

    @ParameterizedTest(name = "pipe-demo {0}")
    @MethodSource("demos")
    void every_call_the_trace_names_was_made_in_that_order(List<String> demo, Set<String> expected, @TempDir Path dir)
            throws Exception {
        Assumptions.assumeTrue(Processes.onPath("strace"), "strace is not installed (.ci/run installs it)");
        Path log = dir.resolve("strace.log");
        // clone and clone3 tell threads from processes; --seccomp-bpf stops only at the calls traced
        List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "--seccomp-bpf", "-s", "4096",
                "-o", log.toString(), "-e",
                "trace=pipe,pipe2,dup2,dup3,close,close_range,execve,wait4,fcntl,kill,clone,clone3", "--"));
        List<String> arguments = new ArrayList<>(List.of("pipe-demo"));
        arguments.addAll(demo);
        arguments.add(demo.contains("--") ? arguments.indexOf("--") : arguments.size(), "--trace");
        command.addAll(SelfCommand.of(arguments.toArray(new String[0])));
        CommandResult result = Processes.run(command, Map.of(), dir.toFile());
        Assumptions.assumeFalse(result.err().startsWith("strace: ") && result.err().contains("ptrace"),
                () -> "strace cannot trace here: " + result.err().lines().findFirst().orElse(""));

        StraceLog strace = new StraceLog(log);
        List<TraceLine> trace = TraceLine.parse(result.err());
        Set<String> named = new java.util.TreeSet<>();
        int cursor = 0;
        for (TraceLine line : trace) {
            if (!CHECKED.contains(line.name())) {
                continue;
            }
            named.add(line.name());
            if (line.parent()) {
                assertEquals(strace.root, line.pid(), () -> "the trace's parent pid is not ipc's: " + line);
            }
            int found = -1;
            for (int i = cursor; i < strace.calls.size() && found < 0; i++) {
                if (matches(line, strace.calls.get(i), strace.root)) {
                    found = i;
                }
            }
            if (found < 0) {
                int process = line.parent() ? strace.root : line.pid();
                fail("the trace says " + line + ", but strace saw no such call after "
                        + (cursor == 0 ? "the start" : strace.calls.get(cursor - 1)) + "\n--- that process's calls "
                        + "from there\n" + String.join("\n", strace.calls.subList(cursor, strace.calls.size()).stream()
                        .filter(call -> call.process() == process).map(StraceLog.Call::toString).toList())
                        + "\n--- trace\n" + result.err());
            }
            cursor = found + 1;
        }
        assertTrue(named.containsAll(expected), () -> "the trace names " + named + ", expected at least " + expected
                + "\n" + result);
    }

    /** The same call by the same process, with the same arguments (as both spell them) and result. */
    private static boolean matches(TraceLine line, StraceLog.Call call, int root) {
        int process = line.parent() ? root : line.pid();
        if (call.process() != process) {
            return false;
        }
        String result = outcome(line.result());
        switch (line.name()) {
            case "execve":
                return call.name().equals("execve") && firstArgument(call.args()).equals(firstArgument(line.args()))
                        && outcome(call.result()).equals(result);
            case "waitpid":
                // glibc's waitpid is wait4(pid, status, options, NULL)
                return call.name().equals("wait4") && call.args().equals(line.args() + ", NULL")
                        && outcome(call.result()).equals(result);
            case "close_range":
                return call.name().equals("close_range")
                        && call.args().equals(line.args().replace("~0U", "4294967295"))
                        && outcome(call.result()).equals(result);
            default:
                return call.name().equals(line.name()) && call.args().equals(line.args())
                        && outcome(call.result()).equals(result);
        }
    }

    /** "0", "65536" or "-1 EAGAIN": strace's explanation in parentheses left out, hex (F_GETFL) as decimal. */
    private static String outcome(String result) {
        String value = result.replaceFirst(" \\(.*$", "");
        return value.startsWith("0x") ? Long.toString(Long.parseLong(value.substring(2), 16)) : value;
    }

    private static String firstArgument(String args) {
        int comma = args.indexOf(", ");
        return comma < 0 ? args : args.substring(0, comma);
    }
}

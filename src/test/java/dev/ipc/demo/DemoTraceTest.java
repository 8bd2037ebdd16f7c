// --trace names the system calls the demos' processes really make: each traced call is checked against strace.
package dev.ipc.demo;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DemoTraceTest {
    /** strace -f -o: the thread's id, then the call. */
    private static final Pattern STRACE_LINE = Pattern.compile("^(\\d+) +(.*)$");
    /** The call, then " = " and the result; strace pads before the '='. */
    private static final Pattern RESULT = Pattern.compile("^(.*\\))\\s+= (.*)$");
    /** --trace on stderr: "process: call = result". */
    private static final Pattern TRACE = Pattern.compile("^[^ :]+: (.*)$");

    @BeforeEach
    void emptyNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
    }

    /** A call as both sides can be compared: strace's semtimedop(..., NULL) is semop, buffers are left out. */
    static String normalize(String line) {
        String s = line.replaceFirst("^semtimedop\\((.*), NULL(\\)|$)", "semop($1$2");
        s = s.replaceFirst("^msgrcv\\((\\d+), (\\{.*?\\}|0x[0-9a-f.]+), ", "msgrcv($1, BUF, ");
        s = s.replaceFirst("^semctl\\((\\d+, \\d+, [A-Z_]+), (?!NULL\\)).*?\\)", "semctl($1, ARG)");
        return s.replaceFirst("^semctl\\((\\d+, \\d+, [A-Z_]+), NULL\\)", "semctl($1, ARG)");
    }

    /** A call split into its text and result; our "unfinished" lines (a call that blocks) have no result. */
    record Call(String call, String result) {
        static Call parse(String text) {
            int unfinished = text.indexOf(" <unfinished ...>");
            if (unfinished >= 0) {
                return new Call(normalize(text.substring(0, unfinished)), null);
            }
            Matcher done = RESULT.matcher(text);
            return done.matches() ? new Call(normalize(done.group(1)), done.group(2).trim()) : null;
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"sem demo --pace 0", "shm demo --items 4 --slots 2", "msg demo --round-trips 3"})
    void every_traced_call_is_one_strace_saw(String demo, @TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Processes.onPath("strace"), "strace is not installed (.ci/run installs it)");
        Path log = dir.resolve("strace.log");
        List<String> args = new ArrayList<>(List.of(demo.split(" ")));
        args.add("--trace");
        IpcProcess traced = IpcProcess.start(List.of("strace", "-f", "-qq", "--seccomp-bpf", "-e", "trace=%ipc",
                "-o", log.toString()), SelfCommand.of(args.toArray(String[]::new)));
        traced.closeInput();
        IpcProcess.Result r = traced.await(240);
        assertEquals(0, r.exitCode(), r::toString);

        List<Call> seen = new ArrayList<>();
        Map<String, String> pending = new HashMap<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = STRACE_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String thread = m.group(1);
            String text = m.group(2);
            if (text.endsWith(" <unfinished ...>")) {
                pending.put(thread, text.substring(0, text.length() - " <unfinished ...>".length()));
                continue;
            }
            int resumed = text.indexOf(" resumed>");
            if (text.startsWith("<... ") && resumed > 0) {
                text = pending.remove(thread) + text.substring(resumed + " resumed>".length());
            }
            Call call = Call.parse(text);
            if (call != null) {
                seen.add(call);
            }
        }
        int checked = 0;
        for (String line : r.err().split("\n")) {
            Matcher m = TRACE.matcher(line);
            if (!m.matches() || m.group(1).startsWith("<...")) {
                continue;
            }
            Call ours = Call.parse(m.group(1));
            Call match = seen.stream().filter(c -> c.call().equals(ours.call())
                    && (ours.result() == null || c.result() == null || c.result().equals(ours.result())))
                    .findFirst().orElse(null);
            if (match == null) {
                fail("traced but not seen by strace: " + line + "\n(as " + ours + ")\nstrace saw:\n"
                        + String.join("\n", seen.stream().map(Call::toString).toList()));
            }
            seen.remove(match);
            checked++;
        }
        assertTrue(checked >= 5, "the trace named " + checked + " calls:\n" + r.err());
    }
}

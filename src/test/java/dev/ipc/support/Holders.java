// Real processes that hold and wait on IPC objects (src/test/c/holders.c), stopped after each test.
package dev.ipc.support;

import dev.ipc.procfs.IpcSyscalls;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A test class registers one: {@code @RegisterExtension final Holders holders = new Holders();} */
public final class Holders implements AfterEachCallback {
    public static final IpcSyscalls CALLS = IpcSyscalls.current().orElseThrow();

    private final List<Process> started = new ArrayList<>();

    /** Starts holders with these arguments and waits for its "ready". */
    public Process hold(String... args) {
        return start(List.of(), args);
    }

    /** The same, run by the unprivileged user of {@link Unprivileged}. */
    public Process holdUnprivileged(String... args) {
        return start(Unprivileged.command(List.of()), args);
    }

    private Process start(List<String> prefix, String... args) {
        List<String> command = new ArrayList<>(prefix);
        command.add(CPrograms.build("holders").toString());
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            started.add(process);
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.US_ASCII));
            assertEquals("ready", out.readLine(), "holder " + String.join(" ", args));
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until one of the process's threads sleeps in the call numbered number. */
    public static void awaitCall(Process process, int number, String what) {
        Await.until(() -> IpcSyscalls.sleepsIn(process.pid(), number).orElse(false), what);
    }

    @Override
    public void afterEach(ExtensionContext context) throws InterruptedException {
        for (Process process : started) {
            process.destroyForcibly();
            process.waitFor();
        }
        started.clear();
    }
}

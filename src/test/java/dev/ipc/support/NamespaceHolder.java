// A child process in an IPC namespace of its own (unshare --ipc), holding objects made by a shell script, for
// the tests of --ns, ipc ns and ls --all-namespaces.
package dev.ipc.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

public final class NamespaceHolder implements AutoCloseable {
    private final Process process;

    private NamespaceHolder(Process process) {
        this.process = process;
    }

    /** Runs script (ipcmk lines, sysctl writes) in a new IPC namespace, then holds the namespace until closed. */
    public static NamespaceHolder start(String script) {
        // the script's output goes nowhere; only "ready" comes back on the pipe
        ProcessBuilder builder = new ProcessBuilder("unshare", "--ipc", "sh", "-c",
                "set -e\n{\n" + script + "\n} >/dev/null\necho ready\nexec sleep 600");
        builder.redirectErrorStream(true);
        try {
            Process process = builder.start();
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line = reader.readLine();
            if (!"ready".equals(line)) {
                process.destroyForcibly();
                throw new AssertionError("the namespace holder failed: " + line);
            }
            return new NamespaceHolder(process);
        } catch (IOException e) {
            throw new AssertionError("could not start unshare --ipc: " + e, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public String pidText() {
        return Long.toString(process.pid());
    }

    /** "ipc:[INODE]", as its /proc/PID/ns/ipc link names it. */
    public String namespace() {
        try {
            return Files.readSymbolicLink(Path.of("/proc", pidText(), "ns", "ipc")).toString();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs a program inside the namespace (nsenter -t PID -i), with LC_ALL=C and TZ=UTC. */
    public CommandResult inside(String... command) {
        List<String> all = new ArrayList<>(List.of("nsenter", "-t", pidText(), "-i", "--"));
        all.addAll(List.of(command));
        return Processes.run(all);
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

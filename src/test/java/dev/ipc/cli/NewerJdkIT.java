// ipc on JDK 25 through its launcher: every command, the demos that start child JVMs among them, prints nothing the
// JVM would warn about (jffi loads a library and reads memory through sun.misc.Unsafe).
package dev.ipc.cli;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NewerJdkIT {
    private static final Path LAUNCHER = Path.of(System.getProperty("ipc.project.dir")).resolve("scripts/ipc");

    /** Every top-level command, and each group's members that scripts run, in one IPC namespace of their own. */
    @Test
    void every_command_prints_nothing_on_stderr_on_jdk_25() throws IOException {
        Optional<Path> java = installedJdk(25);
        Assumptions.assumeTrue(java.isPresent(), "no JDK 25 installed under /usr/lib/jvm");
        Map<String, String> env = Map.of("IPC_JAVA", java.get().toString());
        for (List<String> args : List.of(List.of("pipe-demo", "hello"), List.of("pipe-demo", "nonblock"),
                List.of("pipe-demo", "atomic", "--writers", "2", "--records", "10"), List.of("signal", "demo"),
                List.of("socket", "demo"))) {
            List<String> command = new ArrayList<>(List.of(LAUNCHER.toString()));
            command.addAll(args);
            CommandResult run = Processes.run(command, env, null);
            assertEquals(0, run.exitCode(), run::toString);
            assertEquals("", run.err(), () -> String.join(" ", args));
        }
        // System V calls, in an IPC namespace of their own; the fifo server's stderr is the script's too
        String script = "set -e; ipc=$1; d=$(mktemp -d); trap 'rm -rf \"$d\"' EXIT; exec 3>&1 >/dev/null;"
                + " $ipc --version; $ipc --help; $ipc ls; $ipc mk -Q; $ipc mk -S 2; $ipc mk -M 4096;"
                + " $ipc msg send --id 0 hello; $ipc msg recv --id 0 >&3; $ipc ls -q -i 0; $ipc msg stat --id 0;"
                + " $ipc sem op --id 0 0:+1; $ipc sem get --id 0 >&3; $ipc shm write --id 0 hi;"
                + " $ipc shm read --id 0 --length 2 --raw >&3; $ipc sem tune; $ipc msg tune; $ipc shm tune --json;"
                // what /proc hides here, these say in lines of their own: only other lines count
                + " { $ipc metrics; $ipc who; $ipc ns; $ipc top --once; } 2>\"$d/own\";"
                + " grep -v '^ipc: ' \"$d/own\" >&2 || true;"
                + " $ipc fifo serve --quiet --dir \"$d/s\" & server=$!;"
                + " for i in $(seq 100); do [ -p \"$d/s/server.fifo\" ] && break; sleep 0.1; done;"
                + " $ipc fifo send --dir \"$d/s\" ping; kill $server; wait $server || true;"
                // failures end through Runtime.halt there: their one line and exit status, nothing else
                + " echo >&3; set +e; $ipc sem get --id 99999 2>&3; echo \"rc $?\" >&3; $ipc rm -q 99999 2>&3;"
                + " echo \"rc $?\" >&3; set -e;"
                + " $ipc rm -q 0 -s 0 -m 0";
        List<String> unshare = isRoot() ? List.of("unshare", "--ipc") : List.of("unshare", "-r", "-i");
        List<String> command = new ArrayList<>(unshare);
        command.addAll(List.of("bash", "-c", script, "bash", LAUNCHER.toString()));
        CommandResult run = Processes.run(command, env, null);
        Assumptions.assumeFalse(run.err().startsWith("unshare:"), "no IPC namespace can be had: " + run.err());
        assertEquals(new CommandResult(0, "1\thello\n1 0\nhi\nipc: no semaphore set with id 99999\nrc 3\n"
                + "ipc: invalid id (99999)\nrc 1\n", ""), run);
    }

    /** bin/java of a JDK of this feature version in /usr/lib/jvm, by its release file. */
    /** The java of a JDK of that feature release under /usr/lib/jvm, if one is installed. */
    static Optional<Path> installedJdk(int feature) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(jvms)) {
            return homes.filter(home -> releaseOf(home).contains("JAVA_VERSION=\"" + feature + "."))
                    .map(home -> home.resolve("bin/java")).filter(Files::isExecutable).sorted().findFirst();
        }
    }

    private static String releaseOf(Path home) {
        try {
            return Files.readString(home.resolve("release"));
        } catch (IOException noRelease) {
            return "";
        }
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}

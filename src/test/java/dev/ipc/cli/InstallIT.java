// scripts/install.sh on the packaged jar: into a temporary prefix, where the installed ipc runs, man finds its
// pages and the shells find the completions; --uninstall then leaves the prefix as it was.
package dev.ipc.cli;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InstallIT {
    private static final Path PROJECT = Path.of(System.getProperty("ipc.project.dir"));
    private static final Path JAR = Path.of(System.getProperty("ipc.jar"));

    @TempDir
    Path prefix;

    @Test
    void installs_runs_and_uninstalls_leaving_the_prefix_as_it_was() throws IOException {
        // Something that was there before and must survive: another program's page in a shared directory.
        Files.createDirectories(prefix.resolve("share/man/man1"));
        Files.writeString(prefix.resolve("share/man/man1/other.1"), ".TH OTHER 1\n");
        List<String> before = tree(prefix);

        CommandResult install = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--prefix",
                prefix.toString(), "--jar", JAR.toString()), Map.of());
        assertEquals(0, install.exitCode(), install::toString);

        Path ipc = prefix.resolve("bin/ipc");
        CommandResult ls = run(List.of(ipc.toString(), "ls"), Map.of());
        assertEquals(0, ls.exitCode(), ls::toString);
        assertEquals(Processes.run(List.of("ipcs")).out(), ls.out(), "the installed ipc ls prints what ipcs does");
        assertEquals("", ls.err());
        try (Stream<Path> lib = Files.list(prefix.resolve("lib/ipc"))) {
            assertTrue(lib.anyMatch(p -> isArchive(p)), "a class-data-sharing archive is made");
        }

        for (String file : List.of("share/man/man1/ipc.1", "share/man/man1/ipc-ls.1",
                "share/bash-completion/completions/ipc", "share/zsh/site-functions/_ipc",
                "share/fish/vendor_completions.d/ipc.fish", "lib/ipc/install-manifest")) {
            assertTrue(Files.isRegularFile(prefix.resolve(file)), file + " is installed");
        }
        // The metrics timer and service: installed, never enabled, the service running this launcher.
        Path units = prefix.resolve("lib/systemd/system");
        assertTrue(Files.isRegularFile(units.resolve("ipc-metrics.timer")), "the timer is installed");
        String service = Files.readString(units.resolve("ipc-metrics.service"));
        assertTrue(service.contains("\nExecStart=" + ipc + " metrics --textfile ${IPC_METRICS_DIR}\n"), service);
        try (Stream<Path> files = Files.list(units)) {
            assertEquals(2, files.count(), "no wants link: the timer is not enabled");
        }
        if (Processes.onPath("man")) {
            CommandResult man = run(List.of("man", "-M", prefix.resolve("share/man").toString(), "ipc-ls"),
                    Map.of("MANPAGER", "cat", "PAGER", "cat", "MANWIDTH", "80"));
            assertEquals(0, man.exitCode(), man::toString);
            assertTrue(man.out().contains("ipc-ls - List System V IPC objects"), man::toString);
        }
        CommandResult bash = run(List.of("bash", "--norc", "-c",
                "source \"$1/share/bash-completion/completions/ipc\" && complete -p ipc", "bash",
                prefix.toString()), Map.of());
        assertEquals("complete -o default -F _ipc_complete ipc\n", bash.out(), bash::toString);

        // Run with another java than at install time (here: their archives gone), ipc keeps its archive in the
        // user's cache, a folder for each installation since an archive holds its jar's path, and never writes into
        // an installation: a second one beside it makes its own, and each starts from its own (the class log says
        // where Main came from).
        Path cache = Files.createTempDirectory("ipc-cache");
        Path second = Files.createTempDirectory("ipc-second");
        Path log = Files.createTempDirectory("ipc-class-log").resolve("class-load.log");
        CommandResult installSecond = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--prefix",
                second.toString(), "--jar", JAR.toString()), Map.of());
        assertEquals(0, installSecond.exitCode(), installSecond::toString);
        deleteArchives(prefix.resolve("lib/ipc"));
        deleteArchives(second.resolve("lib/ipc"));
        for (Path installed : List.of(prefix, second, prefix)) {
            CommandResult cached = run(List.of(installed.resolve("bin/ipc").toString(), "ls", "-l"),
                    Map.of("XDG_CACHE_HOME", cache.toString(), "JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + log));
            assertEquals(Processes.run(List.of("ipcs", "-l")).out(), cached.out(), cached::toString);
            assertTrue(Files.readString(log).contains(" dev.ipc.Main source: shared objects file"),
                    installed + "'s ipc started from its archive");
        }
        try (Stream<Path> archives = Files.walk(cache.resolve("ipc"))) {
            assertEquals(2, archives.filter(p -> isArchive(p)).map(Path::getParent).distinct().count(),
                    "one folder of archives for each installation");
        }
        try (Stream<Path> lib = Files.list(second.resolve("lib/ipc"))) {
            assertTrue(lib.noneMatch(p -> isArchive(p)), "nothing written into the installation");
        }
        deleteTree(cache);
        deleteTree(log.getParent());
        assertEquals(0, run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--uninstall", "--prefix",
                second.toString()), Map.of()).exitCode());
        deleteTree(second);

        CommandResult uninstall = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--uninstall",
                "--prefix", prefix.toString()), Map.of());
        assertEquals(0, uninstall.exitCode(), uninstall::toString);
        assertEquals(before, tree(prefix), "uninstall removes exactly what install added");

        CommandResult again = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--uninstall",
                "--prefix", prefix.toString()), Map.of());
        assertEquals(1, again.exitCode(), "nothing left to uninstall");

        CommandResult nowhere = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--uninstall",
                "--prefix", "/nonexistent"), Map.of());
        assertEquals(new CommandResult(1, "", "install.sh: nothing to uninstall: no "
                + "/nonexistent/lib/ipc/install-manifest\n"), nowhere, "not 'run as root'");
    }

    @Test
    void the_native_launcher_runs_the_java_command_the_bash_launcher_would_and_hands_over_to_it_otherwise()
            throws IOException {
        Assumptions.assumeTrue(compilerFound(), "no C compiler: the install puts the bash launcher in bin/ipc");
        Assumptions.assumeTrue(Processes.onPath("strace"), "strace shows what each launcher runs");
        Path installed = prefix.resolve("opt");
        CommandResult install = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--prefix",
                installed.toString(), "--jar", JAR.toString()), Map.of());
        assertEquals(0, install.exitCode(), install::toString);
        Path ipc = installed.resolve("bin/ipc");
        byte[] start = Arrays.copyOf(Files.readAllBytes(ipc), 4);
        assertArrayEquals(new byte[] {0x7f, 'E', 'L', 'F'}, start, "bin/ipc is the compiled launcher");
        Path bash = installed.resolve("lib/ipc/ipc-launcher.bash");
        for (String command : List.of("ls", "--version")) { // each with its archive
            List<String> nativeRuns = execs(List.of(ipc.toString(), command), Map.of());
            assertEquals(2, nativeRuns.size(), () -> "the native launcher runs java at once: " + nativeRuns);
            assertEquals(javaRun(execs(List.of("bash", bash.toString(), command), Map.of())), javaRun(nativeRuns),
                    command);
        }
        // Another java than at install time, or none: the bash launcher decides, as it always has.
        CommandResult stale = run(List.of(ipc.toString(), "--version"), Map.of("JAVA_HOME", "/nonexistent"));
        assertEquals(new CommandResult(127, "", "ipc: JAVA_HOME is /nonexistent, which has no bin/java that can be "
                + "run\n"), stale);
        CommandResult wrong = run(List.of(ipc.toString(), "ls"), Map.of("IPC_JAVA", "/nonexistent/java"));
        assertEquals(new CommandResult(127, "", "ipc: IPC_JAVA is /nonexistent/java, which is not a java that can "
                + "be run\n"), wrong);
        // A moved installation still runs: what the install wrote in is gone, and the bash launcher beside the
        // native one takes over, as it finds its files wherever it is.
        Path moved = prefix.resolve("moved");
        Files.move(installed, moved);
        CommandResult fromMoved = run(List.of(moved.resolve("bin/ipc").toString(), "--version"), Map.of());
        assertEquals(0, fromMoved.exitCode(), fromMoved::toString);
        assertTrue(fromMoved.out().startsWith("ipc "), fromMoved::toString);
        Files.move(moved, installed);
        assertEquals(0, run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--uninstall", "--prefix",
                installed.toString()), Map.of()).exitCode());
    }

    @Test
    void without_a_working_c_compiler_the_bash_launcher_is_installed_and_runs() throws IOException {
        List<String> before = tree(prefix);
        CommandResult install = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--prefix",
                prefix.toString(), "--jar", JAR.toString()), Map.of("CC", "false"));
        assertEquals(0, install.exitCode(), install::toString);
        assertTrue(install.err().startsWith("note: the native launcher did not compile (false), so bin/ipc is the "
                + "bash launcher"), install::toString);
        Path ipc = prefix.resolve("bin/ipc");
        assertEquals(Files.readString(PROJECT.resolve("scripts/lib/ipc-installed")), Files.readString(ipc));
        CommandResult version = run(List.of(ipc.toString(), "--version"), Map.of());
        assertTrue(version.out().startsWith("ipc "), version::toString);
        assertEquals(0, run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--uninstall", "--prefix",
                prefix.toString()), Map.of()).exitCode());
        assertEquals(before, tree(prefix));
    }

    @Test
    void installed_with_jdk_25_the_native_launcher_runs_that_jdks_flags_and_it_warns_of_nothing() throws IOException {
        Assumptions.assumeTrue(compilerFound(), "no C compiler");
        Assumptions.assumeTrue(Processes.onPath("strace"), "strace shows what each launcher runs");
        Optional<Path> jdk25 = NewerJdkIT.installedJdk(25);
        Assumptions.assumeTrue(jdk25.isPresent(), "no JDK 25 installed under /usr/lib/jvm");
        Map<String, String> environment = Map.of("IPC_JAVA", jdk25.get().toString());
        CommandResult install = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--prefix",
                prefix.toString(), "--jar", JAR.toString()), environment);
        assertEquals(0, install.exitCode(), install::toString);
        Path ipc = prefix.resolve("bin/ipc");
        for (String command : List.of("ls", "--version")) {
            List<String> nativeRuns = execs(List.of(ipc.toString(), command), environment);
            assertEquals(2, nativeRuns.size(), nativeRuns::toString);
            List<String> nativeRun = javaRun(nativeRuns);
            assertEquals(javaRun(execs(List.of("bash", prefix.resolve("lib/ipc/ipc-launcher.bash").toString(),
                    command), environment)), nativeRun, command);
            assertTrue(nativeRun.get(1).contains("\"--enable-native-access=ALL-UNNAMED\""), nativeRun::toString);
        }
        for (List<String> command : List.of(List.of("--version"), List.of("sem", "tune"))) {
            List<String> line = new ArrayList<>(List.of(ipc.toString()));
            line.addAll(command);
            CommandResult result = run(line, environment);
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals("", result.err(), String.join(" ", command));
        }
        assertEquals(0, run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--uninstall", "--prefix",
                prefix.toString()), Map.of()).exitCode());
    }

    /** Whether install.sh finds the compiler it would use: the first word of CC, else cc. */
    private static boolean compilerFound() {
        return Processes.onPath(System.getenv().getOrDefault("CC", "cc").trim().split("\\s+")[0]);
    }

    /** The last of the programs run (java), as its path and its arguments after the first. */
    private static List<String> javaRun(List<String> runs) {
        String last = runs.get(runs.size() - 1);
        // execve("/usr/bin/java", ["java", "-XX:...", ...], 0x... /* n vars */) = 0: the path, then argv after argv[0]
        int argv = last.indexOf(", [");
        int firstEnd = last.indexOf("\", ", argv + 3);
        int end = last.lastIndexOf("], ");
        return List.of(last.substring(0, argv), last.substring(firstEnd + 3, end));
    }

    /** Every program the command line runs, in order, as strace shows its execve. */
    private List<String> execs(List<String> command, Map<String, String> environment) throws IOException {
        Path trace = Files.createTempFile("ipc-launcher", ".strace");
        try {
            List<String> traced = new ArrayList<>(List.of("strace", "-f", "-qq", "-e", "trace=execve",
                    "-e", "signal=none", "-s", "4096", "-o", trace.toString()));
            traced.addAll(command);
            CommandResult result = run(traced, environment);
            assertEquals(0, result.exitCode(), result::toString);
            return Files.readAllLines(trace).stream().filter(l -> l.contains("execve(") && l.endsWith("= 0"))
                    .map(l -> l.substring(l.indexOf("execve("))).toList();
        } finally {
            Files.delete(trace);
        }
    }

    @Test
    void a_prefix_the_install_made_goes_with_the_uninstall_also_after_a_reinstall() throws IOException {
        List<String> before = tree(prefix);
        Path made = prefix.resolve("opt/ipc");
        List<String> install = List.of(PROJECT.resolve("scripts/install.sh").toString(), "--prefix", made.toString(),
                "--jar", JAR.toString());
        assertEquals(0, run(install, Map.of()).exitCode());
        CommandResult again = run(install, Map.of());
        assertEquals(0, again.exitCode(), again::toString);
        CommandResult version = run(List.of(made.resolve("bin/ipc").toString(), "--version"), Map.of());
        assertTrue(version.out().startsWith("ipc "), version::toString);
        CommandResult uninstall = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--uninstall",
                "--prefix", made.toString()), Map.of());
        assertEquals(0, uninstall.exitCode(), uninstall::toString);
        assertEquals(before, tree(prefix), "opt/ipc, made by the install, is gone");
    }

    @Test
    void a_prefix_that_cannot_be_written_is_refused_with_the_way_out() throws IOException {
        Assumptions.assumeFalse(dev.ipc.support.Isolation.isRoot(), "root can write anywhere");
        CommandResult result = run(List.of(PROJECT.resolve("scripts/install.sh").toString(), "--prefix",
                "/proc/ipc-install-test", "--jar", JAR.toString()), Map.of());
        assertEquals(1, result.exitCode());
        assertTrue(result.err().contains("--prefix ~/.local"), result::toString);
    }

    private static CommandResult run(List<String> command, Map<String, String> environment) {
        return Processes.run(command, environment, PROJECT.toFile());
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    private static void deleteArchives(Path lib) throws IOException {
        try (Stream<Path> files = Files.list(lib)) {
            for (Path archive : (Iterable<Path>) files.filter(p -> isArchive(p))::iterator) {
                Files.delete(archive);
            }
        }
    }

    /** A class-data-sharing archive (the launchers make one on every JDK). */
    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsa");
    }
}

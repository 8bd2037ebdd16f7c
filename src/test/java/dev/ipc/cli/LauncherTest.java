// scripts/ipc on a fresh copy of the project: builds once with a one-line notice (once also when started several
// times at once), then runs at once, rebuilds when a source changes, shows the build's output only when the build
// fails, and names a java that is not there in one line.
package dev.ipc.cli;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LauncherTest {
    @TempDir
    Path copy;

    @Test
    void a_fresh_copy_builds_once_then_rebuilds_only_when_sources_change() throws IOException {
        Assumptions.assumeTrue(Processes.onPath("mvn"), "mvn is not on the PATH");
        freshCopy();
        List<String> launcher = List.of(copy.resolve("scripts/ipc").toString(), "ls", "-l");
        String expected = Processes.run(List.of("ipcs", "-l")).out();

        CommandResult first = run(launcher);
        assertEquals(0, first.exitCode(), first::toString);
        assertEquals("ipc: building " + copy.resolve("target/ipc.jar") + " (first run, or the sources changed)\n",
                first.err());
        assertEquals(expected, first.out());
        try (Stream<Path> archives = Files.list(copy.resolve("target"))) {
            assertTrue(archives.anyMatch(p -> isArchive(p)),
                    "a class-data-sharing archive is made after the build");
        }

        CommandResult second = run(launcher);
        assertEquals("", second.err(), "no rebuild when nothing changed");
        assertEquals(expected, second.out());

        // ls has an archive of its own, small; the other commands share one.
        assertEquals(List.of("ls"), archiveSets());
        assertEquals(0, run(List.of(copy.resolve("scripts/ipc").toString(), "--version")).exitCode());
        assertEquals(List.of("all", "ls"), archiveSets());

        // An archive whose link names another java (the one the alternatives pointed at before, say) is made
        // again, for the java that runs now.
        Path lsArchive = archives().stream().filter(p -> p.toString().contains(".ls.")).findFirst().orElseThrow();
        Path link = Path.of(lsArchive + ".java");
        Path java = link.toRealPath();
        Files.delete(link);
        Files.createSymbolicLink(link, Path.of("/bin/true"));
        FileTime made = FileTime.fromMillis(System.currentTimeMillis() - 60_000);
        Files.setLastModifiedTime(lsArchive, made);
        CommandResult afterSwitch = run(launcher);
        assertEquals(expected, afterSwitch.out(), afterSwitch::toString);
        assertEquals(java, link.toRealPath(), "the link names the java that made the archive");
        assertTrue(Files.getLastModifiedTime(lsArchive).compareTo(made) > 0, "the archive was made again");

        Path source = copy.resolve("src/main/java/dev/ipc/Main.java");
        Files.setLastModifiedTime(source, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        CommandResult third = run(launcher);
        assertTrue(third.err().startsWith("ipc: building"), third::toString);
        assertEquals(expected, third.out());

        Files.writeString(source, "this is not Java\n");
        CommandResult broken = run(launcher);
        assertEquals(1, broken.exitCode());
        assertTrue(broken.err().contains("COMPILATION ERROR") || broken.err().contains("ERROR"), broken::toString);
        assertTrue(broken.err().endsWith("ipc: the build failed; its output is above\n"), broken::toString);
        assertFalse(broken.out().contains("Message"), "nothing runs after a failed build");
    }

    @Test
    void a_java_that_is_not_there_is_named_with_the_variable_that_points_at_it() {
        // The launcher checks the java before it would build: this runs on the project itself.
        String launcher = Path.of(System.getProperty("ipc.project.dir")).resolve("scripts/ipc").toString();
        CommandResult staleHome = Processes.run(List.of(launcher, "ls"),
                Map.of("IPC_JAVA", "", "JAVA_HOME", "/nonexistent"), null);
        assertEquals(new CommandResult(127, "",
                "ipc: JAVA_HOME is /nonexistent, which has no bin/java that can be run\n"), staleHome);
        CommandResult wrongJava = Processes.run(List.of(launcher, "ls"), Map.of("IPC_JAVA", "/nonexistent/bin/java"),
                null);
        assertEquals(new CommandResult(127, "",
                "ipc: IPC_JAVA is /nonexistent/bin/java, which is not a java that can be run\n"), wrongJava);
    }

    @Test
    void launchers_started_together_on_a_fresh_copy_build_once_and_all_run() throws Exception {
        Assumptions.assumeTrue(Processes.onPath("mvn"), "mvn is not on the PATH");
        freshCopy();
        List<String> launcher = List.of(copy.resolve("scripts/ipc").toString(), "--version");

        List<CompletableFuture<CommandResult>> runs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            runs.add(CompletableFuture.supplyAsync(() -> run(launcher)));
        }
        int builds = 0;
        for (CompletableFuture<CommandResult> future : runs) {
            CommandResult result = future.get();
            assertEquals(0, result.exitCode(), result::toString);
            assertTrue(result.out().startsWith("ipc "), result::toString);
            if (result.err().contains("ipc: building")) {
                builds++;
            }
        }
        assertEquals(1, builds, "one launcher builds, the others wait for its jar");
    }

    private static CommandResult run(List<String> command) {
        return Processes.run(command, Map.of(), null);
    }

    /** The sources, scripts and pom of the project, without its target/. */
    private void freshCopy() throws IOException {
        Path project = Path.of(System.getProperty("ipc.project.dir"));
        copyTree(project.resolve("src/main"), copy.resolve("src/main"));
        copyTree(project.resolve("scripts"), copy.resolve("scripts"));
        Files.copy(project.resolve("pom.xml"), copy.resolve("pom.xml"));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(copy.resolve("target"))) {
            return files.filter(LauncherTest::isArchive).sorted().toList();
        }
    }

    /** Which archives there are: "ls" for the archive of ls alone, "all" for the others'. */
    private List<String> archiveSets() throws IOException {
        return archives().stream().map(p -> p.getFileName().toString().matches(".*\\.ls\\.jsa") ? "ls" : "all")
                .sorted().toList();
    }

    /** A class-data-sharing archive (JDK 17) or an ahead-of-time cache (JDK 25+, preferred where installed). */
    private static boolean isArchive(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".jsa");
    }
}

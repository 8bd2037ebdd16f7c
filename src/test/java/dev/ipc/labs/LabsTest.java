// scripts/labs/run-all: every lab runs unattended in its own private IPC namespace and its checks pass, with
// the ipc built from these sources.
package dev.ipc.labs;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LabsTest {
    private static final Path LABS = Path.of(System.getProperty("ipc.project.dir"), "scripts/labs");

    @TempDir
    Path bin;

    @Test
    void every_lab_passes_its_checks() throws IOException {
        Assumptions.assumeTrue(Processes.run(List.of("unshare", "--ipc", "true")).exitCode() == 0
                        || Processes.run(List.of("unshare", "--map-root-user", "--ipc", "true")).exitCode() == 0,
                "no private IPC namespace can be made here: the labs need one");
        CommandResult result = Processes.run(List.of(LABS.resolve("run-all").toString()),
                Map.of("IPC", ipcOfThisBuild().toString()), null, 600);
        List<String> labs;
        try (Stream<Path> files = Files.list(LABS)) {
            labs = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".sh") && !n.equals("lib.sh"))
                    .sorted().toList();
        }
        assertTrue(labs.size() >= 6, "pipes, FIFOs, semaphores, message queues, shared memory, tuning: " + labs);
        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().endsWith("labs: " + labs.size() + " passed, 0 failed\n"), result::toString);
    }

    @Test
    void a_failing_check_fails_the_lab_and_run_all() throws IOException {
        Path lab = bin.resolve("failing.sh");
        Files.writeString(lab, """
                source "%s/lib.sh"
                lab_begin "A check that cannot pass" "$@"
                step "ipc ls lists no queue in a new namespace."
                run ipc ls -q
                check "a queue that does not exist is listed" listed q 12345
                lab_end
                """.formatted(LABS));
        CommandResult result = Processes.run(List.of(LABS.resolve("run-all").toString(), lab.toString()),
                Map.of("IPC", ipcOfThisBuild().toString()), null, 300);
        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("  FAILED: a queue that does not exist is listed"), result::toString);
        assertTrue(result.out().contains("failing: 0 passed, 1 failed"), result::toString);
        assertTrue(result.out().endsWith("labs: 0 passed, 1 failed\n"), result::toString);
    }

    /** An ipc command that runs these classes (the jar is built only after the tests). */
    private Path ipcOfThisBuild() throws IOException {
        Path ipc = bin.resolve("ipc");
        StringBuilder script = new StringBuilder("#!/bin/sh\nexec");
        for (String word : SelfCommand.of()) {
            script.append(" '").append(word.replace("'", "'\\''")).append('\'');
        }
        script.append(" \"$@\"\n");
        Files.writeString(ipc, script);
        Files.setPosixFilePermissions(ipc, PosixFilePermissions.fromString("rwxr-xr-x"));
        return ipc;
    }
}

// The sizes ipc allocates for posix_spawn's opaque types and sigset_t, checked against the C headers.
package dev.ipc.sys;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SpawnLayoutsTest {
    @Test
    void spawn_types_have_the_sizes_glibc_declares(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Processes.onPath("gcc"), "gcc is not installed (.ci/run installs it)");
        Path source = Files.writeString(dir.resolve("sizes.c"), """
                #include <signal.h>
                #include <spawn.h>
                #include <stdio.h>
                int main(void) {
                    printf("%zu %zu %zu\\n", sizeof(posix_spawn_file_actions_t), sizeof(posix_spawnattr_t),
                           sizeof(sigset_t));
                    return 0;
                }
                """);
        Path program = dir.resolve("sizes");
        CommandResult build = Processes.run(List.of("gcc", "-o", program.toString(), source.toString()));
        assertEquals(0, build.exitCode(), build::toString);
        CommandResult sizes = Processes.run(List.of(program.toString()));
        assertEquals(Layouts.POSIX_SPAWN_FILE_ACTIONS_SIZE + " " + Layouts.POSIX_SPAWNATTR_SIZE + " "
                + Layouts.SIGSET_SIZE + "\n", sizes.out());
    }
}

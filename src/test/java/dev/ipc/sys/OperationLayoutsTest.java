// The struct offsets the msg|sem|shm operations rely on, checked against the C headers with gcc.
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

class OperationLayoutsTest {
    @Test
    void offsets_match_the_c_headers(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Processes.onPath("gcc"), "gcc is not installed (.ci/run installs it)");
        Path source = dir.resolve("layouts.c");
        Files.writeString(source, String.join("\n",
                "#include <grp.h>",
                "#include <pwd.h>",
                "#include <stddef.h>",
                "#include <stdio.h>",
                "#include <sys/sem.h>",
                "#include <time.h>",
                "int main(void) {",
                "  printf(\"%zu %zu %zu %zu %zu\\n\", sizeof(struct timespec), offsetof(struct timespec, tv_sec),",
                "         offsetof(struct timespec, tv_nsec), offsetof(struct passwd, pw_uid),",
                "         offsetof(struct group, gr_gid));",
                "  printf(\"%zu %zu %zu %zu\\n\", sizeof(struct sembuf), offsetof(struct sembuf, sem_num),",
                "         offsetof(struct sembuf, sem_op), offsetof(struct sembuf, sem_flg));",
                "  return 0;",
                "}", ""));
        Path program = dir.resolve("layouts");
        CommandResult built = Processes.run(List.of("gcc", "-o", program.toString(), source.toString()));
        assertEquals(0, built.exitCode(), built::toString);
        String[] lines = Processes.run(List.of(program.toString())).out().split("\n");
        assertEquals(Layouts.TIMESPEC_SIZE + " " + Layouts.TIMESPEC_SEC + " " + Layouts.TIMESPEC_NSEC + " "
                + Layouts.PASSWD_UID + " " + Layouts.GROUP_GID, lines[0]);
        assertEquals(Layouts.SEMBUF_SIZE + " " + Layouts.SEMBUF_NUM + " " + Layouts.SEMBUF_OP + " "
                + Layouts.SEMBUF_FLG, lines[1]);
    }
}

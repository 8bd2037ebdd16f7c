// Every flag, command number, errno value and signal ipc copies from the C headers, against the headers of this
// machine (struct layouts: LayoutsTest).
package dev.ipc.libc;

import dev.ipc.model.SharedMemorySegment;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileLayoutsTest {
    @TempDir
    Path tmp;

    @Test
    void every_constant_copied_from_the_c_headers_matches_them() throws IOException, IllegalAccessException {
        Assumptions.assumeTrue(Processes.onPath("gcc"), "needs gcc to compile the probe");
        // Every public constant of these classes bears its C name; Posix's system call number is spelled apart.
        // (SharedMemorySegment: its status bits SHM_DEST and SHM_LOCKED.)
        Map<String, Long> expected = new LinkedHashMap<>();
        for (Class<?> holder : List.of(FileConstants.class, IpcConstants.class, Errno.class, Posix.class,
                SharedMemorySegment.class, TerminalCalls.class, Signals.class)) {
            for (Field field : holder.getFields()) {
                if (Modifier.isStatic(field.getModifiers()) && field.getType().isPrimitive()) {
                    String name = field.getName().equals("SYS_PIDFD_OPEN") ? "SYS_pidfd_open" : field.getName();
                    expected.put(name, ((Number) field.get(null)).longValue());
                }
            }
        }

        StringBuilder c = new StringBuilder("#define _GNU_SOURCE\n#include <errno.h>\n#include <fcntl.h>\n"
                + "#include <limits.h>\n#include <poll.h>\n#include <signal.h>\n#include <spawn.h>\n"
                + "#include <stddef.h>\n#include <stdio.h>\n#include <sys/file.h>\n#include <sys/ipc.h>\n"
                + "#include <sys/mount.h>\n#include <sys/msg.h>\n#include <sys/sem.h>\n#include <sys/shm.h>\n#include <sys/stat.h>\n"
                + "#include <sys/signalfd.h>\n#include <sys/syscall.h>\n#include <sys/wait.h>\n#include <sys/ioctl.h>\n"
                + "#include <termios.h>\nint main(void) {\n");
        for (String name : expected.keySet()) {
            c.append("  printf(\"%s=%ld\\n\", \"").append(name).append("\", (long) (").append(name).append("));\n");
        }
        c.append("  return 0;\n}\n");
        Path source = Files.writeString(tmp.resolve("probe.c"), c);
        Path binary = tmp.resolve("probe");
        CommandResult compiled = Processes.run(List.of("gcc", "-o", binary.toString(), source.toString()));
        assertEquals(0, compiled.exitCode(), compiled.toString());
        CommandResult probe = Processes.run(List.of(binary.toString()));
        StringBuilder want = new StringBuilder();
        expected.forEach((name, value) -> want.append(name).append('=').append(value).append('\n'));
        assertEquals(want.toString(), probe.out());
    }
}

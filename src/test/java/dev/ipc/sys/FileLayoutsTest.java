// The numbers FileConstants and Errno hold for the FIFO commands, against the C headers (struct layouts: LayoutsTest).
package dev.ipc.sys;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
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
    void file_constants_and_layouts_match_the_c_headers() throws IOException {
        Assumptions.assumeTrue(Processes.onPath("gcc"), "needs gcc to compile the probe");
        Map<String, Long> expected = new LinkedHashMap<>();
        expected.put("O_WRONLY", (long) FileConstants.O_WRONLY);
        expected.put("O_RDWR", (long) FileConstants.O_RDWR);
        expected.put("O_NONBLOCK", (long) FileConstants.O_NONBLOCK);
        expected.put("O_DIRECTORY", (long) FileConstants.O_DIRECTORY);
        expected.put("O_NOFOLLOW", (long) FileConstants.O_NOFOLLOW);
        expected.put("O_CLOEXEC", (long) FileConstants.O_CLOEXEC);
        expected.put("AT_FDCWD", (long) FileConstants.AT_FDCWD);
        expected.put("AT_SYMLINK_NOFOLLOW", (long) FileConstants.AT_SYMLINK_NOFOLLOW);
        expected.put("S_IFMT", (long) FileConstants.S_IFMT);
        expected.put("S_IFIFO", (long) FileConstants.S_IFIFO);
        expected.put("S_IFCHR", (long) FileConstants.S_IFCHR);
        expected.put("S_IFDIR", (long) FileConstants.S_IFDIR);
        expected.put("S_IFBLK", (long) FileConstants.S_IFBLK);
        expected.put("S_IFREG", (long) FileConstants.S_IFREG);
        expected.put("S_IFLNK", (long) FileConstants.S_IFLNK);
        expected.put("S_IFSOCK", (long) FileConstants.S_IFSOCK);
        expected.put("S_ISGID", (long) FileConstants.S_ISGID);
        expected.put("S_ISVTX", (long) FileConstants.S_ISVTX);
        expected.put("F_GETFL", (long) FileConstants.F_GETFL);
        expected.put("F_SETFL", (long) FileConstants.F_SETFL);
        expected.put("LOCK_EX", (long) FileConstants.LOCK_EX);
        expected.put("LOCK_NB", (long) FileConstants.LOCK_NB);
        expected.put("POLLIN", (long) FileConstants.POLLIN);
        expected.put("POLLOUT", (long) FileConstants.POLLOUT);
        expected.put("PIPE_BUF", (long) FileConstants.PIPE_BUF);
        expected.put("ENXIO", (long) Errno.ENXIO);
        expected.put("EBADF", (long) Errno.EBADF);
        expected.put("ENOTDIR", (long) Errno.ENOTDIR);
        expected.put("EPIPE", (long) Errno.EPIPE);
        expected.put("ELOOP", (long) Errno.ELOOP);
        expected.put("EAGAIN", (long) Errno.EAGAIN);
        expected.put("EEXIST", (long) Errno.EEXIST);

        StringBuilder c = new StringBuilder("#define _GNU_SOURCE\n#include <errno.h>\n#include <fcntl.h>\n"
                + "#include <limits.h>\n#include <poll.h>\n#include <stddef.h>\n#include <stdio.h>\n"
                + "#include <sys/file.h>\n#include <sys/stat.h>\nint main(void) {\n");
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

// The descriptors a demo opens: every one is close-on-exec, and every one is closed when the demo ends,
// however it ends.
package dev.ipc.pipe;

import dev.ipc.libc.Errno;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.Native;
import dev.ipc.libc.Posix;

import java.util.LinkedHashSet;
import java.util.Set;

final class Descriptors implements AutoCloseable {
    /** One pipe: fd[0] reads, fd[1] writes. */
    record Pipe(int read, int write) {
    }

    private final Trace trace;
    private final Set<Integer> open = new LinkedHashSet<>();

    Descriptors(Trace trace) {
        this.trace = trace;
    }

    /**
     * pipe2 with O_CLOEXEC: a child gets an end only when the demo hands it over with dup2. Without it, every
     * child would inherit every end (and a forgotten write end keeps its reader from ever seeing end of file).
     */
    Pipe pipe(String purpose) {
        int[] fds = Posix.pipe2(FileConstants.O_CLOEXEC);
        open.add(fds[0]);
        open.add(fds[1]);
        trace.parent("pipe2([" + fds[0] + ", " + fds[1] + "], O_CLOEXEC) = 0",
                purpose + ": fd[0]=" + fds[0] + " is the read end, fd[1]=" + fds[1] + " the write end");
        return new Pipe(fds[0], fds[1]);
    }

    /** /dev/null for reading: the stdin of children when this process's own stdin is not theirs to take. */
    int devNull() {
        int fd = Native.libc().open("/dev/null", FileConstants.O_RDONLY | FileConstants.O_CLOEXEC);
        if (fd < 0) {
            throw Native.failure("open /dev/null", Native.errno());
        }
        open.add(fd);
        trace.parent("openat(AT_FDCWD, \"/dev/null\", O_RDONLY|O_CLOEXEC) = " + fd, "stdin for the children");
        return fd;
    }

    void close(int fd, String note) {
        if (!open.remove(fd)) {
            throw new IllegalStateException("fd " + fd + " is not open here");
        }
        int result = Native.libc().close(fd);
        int errno = result == 0 ? 0 : Native.errno();
        trace.parent("close(" + fd + ") = " + Trace.result(result, errno), note);
        if (result != 0 && errno != Errno.EINTR) {
            throw Native.failure("close(" + fd + ")", errno);
        }
    }

    boolean isOpen(int fd) {
        return open.contains(fd);
    }

    /** Closes what is still open: the demo ended early (a failure, a timeout) or kept it to the end. */
    @Override
    public void close() {
        for (int fd : open.toArray(new Integer[0])) {
            close(fd, "the demo is over: nothing it opened stays open");
        }
    }
}

// A child started with posix_spawn, its signal mask and process group chosen, seen as a java.lang.Process: its
// standard streams through pipes, its waits through waitpid, its ends through kill.
package dev.ipc.libc;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * ProcessBuilder cannot choose the signals a child starts with blocked: a JVM started so has them blocked in every
 * thread it makes, which is what lets a demo read them from a signalfd instead of the JVM's own handlers.
 */
public final class SpawnedProcess extends Process {
    private static final long POLL_MILLIS = 5;

    private final int pid;
    private final DescriptorInput stdout;
    private final DescriptorInput stderr;
    private final DescriptorOutput stdin;
    private int status = -1;
    private boolean reaped;

    private SpawnedProcess(int pid, int stdin, int stdout, int stderr) {
        this.pid = pid;
        this.stdin = new DescriptorOutput(stdin);
        this.stdout = new DescriptorInput(stdout);
        this.stderr = new DescriptorInput(stderr);
    }

    /** Starts command (an absolute path first) with exactly this environment, its 0, 1 and 2 pipes to us. */
    public static SpawnedProcess start(List<String> command, Map<String, String> variables,
                                       Spawn.Attributes attributes) {
        int[] in = Posix.pipe2(FileConstants.O_CLOEXEC);
        int[] out = Posix.pipe2(FileConstants.O_CLOEXEC);
        int[] err = Posix.pipe2(FileConstants.O_CLOEXEC);
        List<String> environment = new ArrayList<>();
        variables.forEach((name, value) -> environment.add(name + "=" + value));
        boolean started = false;
        try {
            Spawn.Started child = Spawn.start(command.get(0), command, environment,
                    List.of(new Spawn.Dup2(in[0], 0), new Spawn.Dup2(out[1], 1), new Spawn.Dup2(err[1], 2),
                            new Spawn.CloseFrom(3)), attributes);
            started = true;
            return new SpawnedProcess(child.pid(), in[1], out[0], err[0]);
        } finally {
            LibC libc = Native.libc();
            libc.close(in[0]);
            libc.close(out[1]);
            libc.close(err[1]);
            if (!started) {
                libc.close(in[1]);
                libc.close(out[0]);
                libc.close(err[0]);
            }
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public OutputStream getOutputStream() {
        return stdin;
    }

    @Override
    public InputStream getInputStream() {
        return stdout;
    }

    @Override
    public InputStream getErrorStream() {
        return stderr;
    }

    /** Reaps the child if it has ended; true once it has. The pid stays ours until then: kill cannot miss. */
    private synchronized boolean ended() {
        if (!reaped) {
            int raw = Signals.reapIfEnded(pid);
            if (raw != -1) {
                status = raw;
                reaped = true;
            }
        }
        return reaped;
    }

    @Override
    public int waitFor() throws InterruptedException {
        while (!ended()) {
            Thread.sleep(POLL_MILLIS);
        }
        return exitValue();
    }

    @Override
    public boolean waitFor(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (!ended()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, TimeUnit.NANOSECONDS.toMillis(left))));
        }
        return true;
    }

    /** The exit status, or 128 + the signal that killed it, as Java's own processes report it. */
    @Override
    public synchronized int exitValue() {
        if (!ended()) {
            throw new IllegalThreadStateException("process " + pid + " has not exited");
        }
        return (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f);
    }

    /** The raw wait status, once the child has been reaped. */
    public synchronized int waitStatus() {
        exitValue();
        return status;
    }

    @Override
    public boolean isAlive() {
        return !ended();
    }

    @Override
    public void destroy() {
        signal(Signals.SIGTERM);
    }

    @Override
    public Process destroyForcibly() {
        signal(Posix.SIGKILL);
        return this;
    }

    private synchronized void signal(int signal) {
        if (!ended()) {
            Native.libc().kill(pid, signal);
        }
    }

    /** Reads a pipe through read(2); close is what ends a reader waiting in it only once the writer has gone. */
    private static final class DescriptorInput extends InputStream {
        private final int fd;
        private final Pointer buffer = Native.allocate(8192);
        private boolean closed;

        DescriptorInput(int fd) {
            this.fd = fd;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] into, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            while (true) {
                long got = Native.libc().read(fd, buffer, Math.min(length, buffer.size()));
                if (got > 0) {
                    buffer.get(0, into, offset, (int) got);
                    return (int) got;
                }
                if (got == 0) {
                    return -1;
                }
                int errno = Native.errno();
                if (errno != Errno.EINTR) {
                    throw new IOException(Native.failure("read", errno).getMessage());
                }
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                Native.libc().close(fd);
            }
        }
    }

    private static final class DescriptorOutput extends OutputStream {
        private final int fd;
        private boolean closed;

        DescriptorOutput(int fd) {
            this.fd = fd;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] data, int offset, int length) throws IOException {
            if (closed) {
                throw new IOException("closed");
            }
            Pointer buffer = Native.allocate(Math.max(1, length));
            buffer.put(0, data, offset, length);
            long done = 0;
            while (done < length) {
                long wrote = Native.libc().write(fd, buffer.slice(done), length - done);
                if (wrote < 0) {
                    int errno = Native.errno();
                    if (errno != Errno.EINTR) {
                        throw new IOException(Native.failure("write", errno).getMessage());
                    }
                } else {
                    done += wrote;
                }
            }
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                Native.libc().close(fd);
            }
        }
    }
}

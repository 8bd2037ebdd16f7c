// A hand-made client of the FIFO protocol for tests: any pid, any bytes, its own reply FIFO read with a
// time limit. It does what the tests say and nothing more, so it can also misbehave on purpose.
package dev.ipc.fifo;

import dev.ipc.libc.Layouts;
import dev.ipc.libc.LibC;
import dev.ipc.libc.Native;
import dev.ipc.libc.Pointer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static dev.ipc.libc.FileConstants.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

final class ProtocolClient implements AutoCloseable {
    private static final LibC LIBC = Native.libc();

    private final Path dir;
    private final int pid;
    private final int replyFd;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 16);
    private final Pointer pointer = Pointer.wrap(buffer);
    private final StringBuilder pending = new StringBuilder();

    private ProtocolClient(Path dir, int pid, int replyFd) {
        this.dir = dir;
        this.pid = pid;
        this.replyFd = replyFd;
    }

    /** A client with this (made-up) pid, its FIFO made and held open read-write, as the protocol asks. */
    static ProtocolClient open(Path dir, int pid) {
        String fifo = fifoPath(dir, pid).toString();
        Native.check("mkfifo", LIBC.mkfifoat(AT_FDCWD, fifo, 0600));
        return new ProtocolClient(dir, pid, Native.check("open", LIBC.open(fifo, O_RDWR | O_NONBLOCK, 0)));
    }

    static Path fifoPath(Path dir, int pid) {
        return dir.resolve("client." + pid + ".fifo");
    }

    int pid() {
        return pid;
    }

    /** "PID text\n" in one write. */
    void send(String text) {
        sendRaw(dir, (pid + " " + text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /** Writes bytes to DIR/server.fifo in a single write(). */
    static void sendRaw(Path dir, byte[] bytes) {
        int fd = Native.check("open server.fifo",
                LIBC.open(dir.resolve("server.fifo").toString(), O_WRONLY | O_CLOEXEC, 0));
        try {
            ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes);
            long written = LIBC.write(fd, Pointer.wrap(direct), bytes.length);
            assertEquals(bytes.length, written, "one write of the whole request");
        } finally {
            LIBC.close(fd);
        }
    }

    /** The next reply line, waiting at most ChildProcess.WAIT. */
    String reply() {
        long deadline = System.nanoTime() + ChildProcess.WAIT.toNanos();
        while (true) {
            int newline = pending.indexOf("\n");
            if (newline >= 0) {
                String line = pending.substring(0, newline);
                pending.delete(0, newline + 1);
                return line;
            }
            if (!readable((int) Math.max(1, (deadline - System.nanoTime()) / 1_000_000))) {
                throw new AssertionError("client " + pid + ": no reply within " + ChildProcess.WAIT);
            }
            long count = LIBC.read(replyFd, pointer, buffer.capacity());
            if (count > 0) {
                byte[] bytes = new byte[(int) count];
                buffer.get(0, bytes);
                pending.append(new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    /** Whether a reply is there or comes within the time given. */
    boolean readable(int millis) {
        if (pending.length() > 0) {
            return true;
        }
        Pointer poll = Native.allocate(Layouts.POLLFD_SIZE);
        poll.putInt(Layouts.POLLFD_FD, replyFd);
        poll.putShort(Layouts.POLLFD_EVENTS, POLLIN);
        return LIBC.poll(poll, 1, millis) > 0;
    }

    /** Sends a request and returns its reply. */
    String ask(String text) {
        send(text);
        return reply();
    }

    /**
     * ping, pong: the server answers in order, so everything sent before has been handled (and logged) by the
     * time the pong is read.
     */
    void sync() {
        assertEquals("pong", ask("ping"));
    }

    @Override
    public void close() {
        LIBC.close(replyFd);
        LIBC.unlinkat(AT_FDCWD, fifoPath(dir, pid).toString(), 0);
    }
}

// read(2) and write(2) on pipe ends, each traced, and reads bounded by a deadline.
package dev.ipc.pipe;

import dev.ipc.libc.FileConstants;
import dev.ipc.libc.Native;
import dev.ipc.libc.Pointer;
import dev.ipc.libc.Posix;

import java.io.ByteArrayOutputStream;
import java.util.function.LongFunction;

final class PipeIo {
    /** Where the bytes a read returns go. */
    interface Sink {
        void accept(byte[] data, int length);

        /** True once the sink takes no more (its own reader went away): reading can stop. */
        default boolean closed() {
            return false;
        }
    }

    /** A sink that keeps every byte: what a reader collects to tell at the end. */
    static final class Collecting implements Sink {
        private final ByteArrayOutputStream into;

        Collecting(ByteArrayOutputStream into) {
            this.into = into;
        }

        @Override
        public void accept(byte[] data, int length) {
            into.write(data, 0, length);
        }
    }

    /** How reading up to end of file ended. */
    enum Outcome { END_OF_FILE, TIMED_OUT, SINK_CLOSED }

    private final Trace trace;
    private final Pointer buffer;
    private final byte[] bytes;
    private int errno;

    PipeIo(Trace trace, int bufferSize) {
        this.trace = trace;
        this.buffer = Native.allocate(bufferSize);
        this.bytes = new byte[bufferSize];
    }

    /** The bytes of the last read. */
    byte[] bytes() {
        return bytes;
    }

    /** errno of the last call that returned -1. */
    int errno() {
        return errno;
    }

    /*
     * The notes are Strings or functions of the result; the calls with a String and the drain build no lambda: a
     * demo whose steps link none spares the JVM's lambda machinery at its start.
     */

    /** One read(fd, buf, count): the bytes land in {@link #bytes()}; -1 with {@link #errno()} on failure. */
    long read(int fd, int count, String note) {
        long n = readOnly(fd, count);
        traceRead(fd, count, n, note);
        return n;
    }

    /** As {@link #read(int, int, String)}, with a note that depends on what read returned. */
    long read(int fd, int count, LongFunction<String> note) {
        long n = readOnly(fd, count);
        traceRead(fd, count, n, note.apply(n));
        return n;
    }

    private long readOnly(int fd, int count) {
        long n = Native.libc().read(fd, buffer, Math.min(count, bytes.length));
        errno = n < 0 ? Native.errno() : 0;
        if (n > 0) {
            buffer.get(0, bytes, 0, (int) n);
        }
        return n;
    }

    private void traceRead(int fd, int count, long n, String note) {
        String data = n > 0 ? Trace.quote(bytes, 0, (int) n)
                : n == 0 ? "\"\"" : "0x" + Long.toHexString(buffer.address()); // strace shows no data then
        trace.parent("read(" + fd + ", " + data + ", " + count + ") = " + Trace.result(n, errno), note);
    }

    /** One write(fd, data, length): -1 with {@link #errno()} on failure. */
    long write(int fd, byte[] data, int offset, int length, String note) {
        long n = writeOnly(fd, data, offset, length);
        traceWrite(fd, data, offset, length, n, note);
        return n;
    }

    /** As {@link #write(int, byte[], int, int, String)}, with a note that depends on what write returned. */
    long write(int fd, byte[] data, int offset, int length, LongFunction<String> note) {
        long n = writeOnly(fd, data, offset, length);
        traceWrite(fd, data, offset, length, n, note.apply(n));
        return n;
    }

    private long writeOnly(int fd, byte[] data, int offset, int length) {
        buffer.put(0, data, offset, length);
        long n = Native.libc().write(fd, buffer, length);
        errno = n < 0 ? Native.errno() : 0;
        return n;
    }

    private void traceWrite(int fd, byte[] data, int offset, int length, long n, String note) {
        trace.parent("write(" + fd + ", " + Trace.quote(data, offset, length) + ", " + length + ") = "
                + Trace.result(n, errno), note);
    }

    /**
     * One fcntl(fd, command, argument) as strace shows it; -1 with {@link #errno()} on failure. The argument
     * is shown only for commands that take one.
     */
    int fcntl(int fd, String command, int code, Integer argument, String note) {
        int result = Native.libc().fcntl(fd, code, argument == null ? 0 : argument);
        errno = result < 0 ? Native.errno() : 0;
        trace.parent("fcntl(" + fd + ", " + command + (argument == null ? "" : ", " + argument) + ") = "
                + Trace.result(result, errno), note);
        return result;
    }

    /** F_GETFL then F_SETFL with O_NONBLOCK added: read and write on fd then fail with EAGAIN, never block. */
    void setNonBlocking(int fd, String end) {
        int flags = fcntl(fd, "F_GETFL", FileConstants.F_GETFL, null, "the " + end + "'s file status flags");
        if (flags < 0) {
            throw Native.failure("fcntl(" + fd + ", F_GETFL)", errno);
        }
        int result = Native.libc().fcntl(fd, FileConstants.F_SETFL, flags | FileConstants.O_NONBLOCK);
        errno = result < 0 ? Native.errno() : 0;
        trace.parent("fcntl(" + fd + ", F_SETFL, " + Trace.openFlags(flags | FileConstants.O_NONBLOCK) + ") = "
                + Trace.result(result, errno), "the " + end + " no longer blocks: EAGAIN instead");
        if (result < 0) {
            throw Native.failure("fcntl(" + fd + ", F_SETFL)", errno);
        }
    }

    /** Waits until fd is readable (data or end of file); false when the deadline passed first. */
    boolean awaitReadable(int fd, Deadline deadline, String timeoutNote) {
        int timeout = deadline.remainingMillis();
        if (Posix.poll(fd, FileConstants.POLLIN, timeout) != 0) {
            return true;
        }
        trace.parent("poll([{fd=" + fd + ", events=POLLIN}], 1, " + timeout + ") = 0 (Timeout)", timeoutNote);
        return false;
    }

    /**
     * Reads fd to end of file, each chunk to the sink, waiting no longer than the deadline in all, and no
     * longer than the sink takes data. A failed read other than EINTR ends it with an exception.
     */
    Outcome drain(int fd, Deadline deadline, Sink sink, String dataNote, String endNote, String timeoutNote) {
        while (true) {
            if (!awaitReadable(fd, deadline, timeoutNote)) {
                return Outcome.TIMED_OUT;
            }
            long n = readOnly(fd, bytes.length);
            traceRead(fd, bytes.length, n, n > 0 ? dataNote : n == 0 ? endNote : null);
            if (n > 0) {
                sink.accept(bytes, (int) n);
                if (sink.closed()) {
                    return Outcome.SINK_CLOSED;
                }
            } else if (n == 0) {
                return Outcome.END_OF_FILE;
            } else if (errno != dev.ipc.libc.Errno.EINTR) {
                throw Native.failure("read(" + fd + ")", errno);
            }
        }
    }
}

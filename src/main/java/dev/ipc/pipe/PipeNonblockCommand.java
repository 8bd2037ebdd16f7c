// ipc pipe-demo nonblock: O_NONBLOCK on both ends: EAGAIN instead of blocking on an empty pipe (read) and a
// full one (write), and what PIPE_BUF means for a write that only partly fits.
package dev.ipc.pipe;

import dev.ipc.pipe.Descriptors.Pipe;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.Native;
import picocli.CommandLine.Command;


@Command(name = "nonblock",
        description = {
                "O_NONBLOCK: EAGAIN on an empty pipe and on a full one; PIPE_BUF and partial writes.",
                "",
                "The documents' rules for a pipe whose ends have O_NONBLOCK (fcntl F_SETFL): where a blocking "
                        + "call would sleep, the call fails with EAGAIN.",
                "",
                "Shown in turn: read on an empty pipe (EAGAIN); writes until the pipe is full, then a write "
                        + "(EAGAIN); a write of more than PIPE_BUF bytes into a pipe with a little room (part "
                        + "is written); a write of PIPE_BUF bytes into less room (all or nothing: EAGAIN); "
                        + "reading it all back; read on the empty pipe again (EAGAIN), and once the write end "
                        + "is closed (0, end of file, not EAGAIN).",
                ""},
        footer = {"", "Exit status: 0 when the kernel behaved as documented, 1 when not, 2 on bad usage."})
public final class PipeNonblockCommand extends DemoCommand {
    private static final int PIPE_BUF = FileConstants.PIPE_BUF;

    @Override
    int run() {
        try (Demo demo = Demo.start(spec, options)) {
            Pipe pipe = demo.fds.pipe("the pipe");
            demo.say("pipe(): fd[0]=" + pipe.read() + " is the read end, fd[1]=" + pipe.write() + " the write end");
            PipeIo io = new PipeIo(demo.trace, 2 * PIPE_BUF);
            io.setNonBlocking(pipe.read(), "read end");
            io.setNonBlocking(pipe.write(), "write end");
            demo.say("fcntl(F_SETFL, O_NONBLOCK) on both ends");

            long emptyRead = io.read(pipe.read(), PIPE_BUF, "empty, and a writer exists: a blocking read would sleep");
            demo.say("read on the empty pipe: " + Trace.result(emptyRead, io.errno()));
            demo.expect(failedWith(emptyRead, io, Errno.EAGAIN),
                    "read on an empty pipe with O_NONBLOCK fails with EAGAIN while a write end is open",
                    "read returned " + Trace.result(emptyRead, io.errno()));

            byte[] data = new byte[2 * PIPE_BUF];
            long written = 0;
            while (true) {
                long n = io.write(pipe.write(), data, 0, PIPE_BUF,
                        result -> result >= 0 ? "PIPE_BUF bytes" : "the pipe is full: a blocking write would sleep");
                if (n < 0) {
                    break;
                }
                written += n;
            }
            boolean fullWrite = io.errno() == Errno.EAGAIN;
            long capacity = written;
            long oneByte = io.write(pipe.write(), data, 0, 1, "not even one byte");
            demo.say("wrote " + capacity + " bytes until write failed with " + Native.errnoName(io.errno())
                    + "; then a 1-byte write: " + Trace.result(oneByte, io.errno()));
            demo.expect(fullWrite && failedWith(oneByte, io, Errno.EAGAIN),
                    "write on a full pipe with O_NONBLOCK fails with EAGAIN",
                    "the last writes returned " + Trace.result(oneByte, io.errno()));

            long read = 0;
            long freed = io.read(pipe.read(), PIPE_BUF, "frees one page of the pipe's buffer");
            read += Math.max(0, freed);
            long partial = io.write(pipe.write(), data, 0, 2 * PIPE_BUF,
                    n -> n > 0 && n < 2 * PIPE_BUF ? "more than PIPE_BUF: the part that fits is written" : null);
            written += Math.max(0, partial);
            demo.say("read " + freed + " bytes, then wrote " + 2 * PIPE_BUF + " (more than PIPE_BUF): "
                    + Trace.result(partial, io.errno()) + " written");
            demo.expect(partial > 0 && partial < 2 * PIPE_BUF,
                    "a non-blocking write of more than PIPE_BUF bytes into a pipe with some room writes part of them",
                    "write returned " + Trace.result(partial, io.errno()));

            long some = io.read(pipe.read(), 100, "makes room for 100 bytes only");
            read += Math.max(0, some);
            long atomic = io.write(pipe.write(), data, 0, PIPE_BUF,
                    n -> n < 0 ? "PIPE_BUF bytes do not fit: none is written" : null);
            written += Math.max(0, atomic);
            demo.say("read " + some + " bytes, then wrote " + PIPE_BUF + " (PIPE_BUF): "
                    + Trace.result(atomic, io.errno()));
            demo.expect(failedWith(atomic, io, Errno.EAGAIN),
                    "a non-blocking write of at most PIPE_BUF bytes is all or nothing: EAGAIN when it does not fit",
                    "write returned " + Trace.result(atomic, io.errno()));

            long n;
            while ((n = io.read(pipe.read(), 2 * PIPE_BUF,
                    result -> result > 0 ? "what is left" : "empty again")) > 0) {
                read += n;
            }
            boolean emptyAgain = failedWith(n, io, Errno.EAGAIN);
            demo.say("read back " + read + " bytes in all, of " + written + " written; then read: "
                    + Trace.result(n, io.errno()));
            demo.expect(read == written && emptyAgain,
                    "every byte written is read back once, in order, and the empty pipe answers EAGAIN again",
                    "read " + read + " of " + written + " bytes, then " + Trace.result(n, io.errno()));

            demo.fds.close(pipe.write(), "the last write end");
            long end = io.read(pipe.read(), PIPE_BUF, result -> result == 0 ? "end of file, not EAGAIN" : null);
            demo.say("closed the write end; read: " + Trace.result(end, io.errno()));
            demo.expect(end == 0, "with no write end left, read returns 0 (end of file) even with O_NONBLOCK",
                    "read returned " + Trace.result(end, io.errno()));

            long total = written;
            return demo.finish(json -> {
                json.writeNumberField("capacity", capacity);
                json.writeNumberField("partial_write", partial);
                json.writeNumberField("bytes_written", total);
            });
        }
    }

    private static boolean failedWith(long result, PipeIo io, int errno) {
        return result < 0 && io.errno() == errno;
    }
}

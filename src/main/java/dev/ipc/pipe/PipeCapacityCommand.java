// ipc pipe-demo capacity: how much a pipe holds, found by filling it with non-blocking writes until EAGAIN;
// optionally after F_SETPIPE_SZ.
package dev.ipc.pipe;

import dev.ipc.cli.Sizes;
import dev.ipc.cli.IpcException;
import dev.ipc.pipe.Descriptors.Pipe;
import dev.ipc.libc.Errno;
import dev.ipc.libc.FileConstants;
import dev.ipc.libc.Native;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;


@Command(name = "capacity",
        description = {
                "How much a pipe holds: non-blocking writes until EAGAIN; --size sets it with F_SETPIPE_SZ.",
                "",
                "Fills a pipe with non-blocking writes of PIPE_BUF bytes until write fails with EAGAIN, and "
                        + "reports how much it took: the pipe's capacity, which F_GETPIPE_SZ also gives.",
                "",
                "--size changes the capacity first with F_SETPIPE_SZ, which rounds it up to a power-of-two "
                        + "number of pages. Without CAP_SYS_RESOURCE it cannot go above "
                        + "/proc/sys/fs/pipe-max-size: the demo says which applies here.",
                ""},
        footer = {"", "Exit status: 0 when the kernel behaved as documented, 1 when not or when F_SETPIPE_SZ "
                + "refused the size, 2 on bad usage."})
public final class PipeCapacityCommand extends DemoCommand {
    private static final int PAGE = 4096;

    @Option(names = "--size", paramLabel = "BYTES",
            description = "Ask F_SETPIPE_SZ for this capacity first. " + Sizes.HELP)
    String sizeText;

    @Override
    int run() {
        long requested = sizeText == null ? -1 : Sizes.bytes("--size", sizeText, 1, Integer.MAX_VALUE);
        PipeLimits limits = PipeLimits.read();
        try (Demo demo = Demo.start(spec, options)) {
            Pipe pipe = demo.fds.pipe("the pipe to fill");
            demo.say("pipe(): fd[0]=" + pipe.read() + " is the read end, fd[1]=" + pipe.write() + " the write end");
            PipeIo io = new PipeIo(demo.trace, PAGE);
            int initial = io.fcntl(pipe.write(), "F_GETPIPE_SZ", FileConstants.F_GETPIPE_SZ, null,
                    "the capacity it was made with");
            if (initial < 0) {
                throw Native.failure("fcntl(F_GETPIPE_SZ)", io.errno());
            }
            demo.say("F_GETPIPE_SZ: " + initial + " bytes (" + pages(initial) + ")");
            demo.say(limits.describe());
            int size = initial;
            if (requested >= 0) {
                int result = io.fcntl(pipe.write(), "F_SETPIPE_SZ", FileConstants.F_SETPIPE_SZ, (int) requested,
                        "ask for " + requested + " bytes");
                if (result < 0) {
                    throw refused(requested, io.errno(), limits);
                }
                size = result;
                demo.say("F_SETPIPE_SZ " + requested + ": the capacity is now " + size + " bytes (" + pages(size)
                        + ")");
                demo.expect(size >= requested && Long.bitCount(size / PAGE) == 1 && size % PAGE == 0,
                        "F_SETPIPE_SZ gives at least the size asked, rounded up to a power-of-two number of pages",
                        "asked " + requested + ", got " + size);
            }

            io.setNonBlocking(pipe.write(), "write end");
            byte[] page = new byte[PAGE];
            long filled = 0;
            while (true) {
                long n = io.write(pipe.write(), page, 0, PAGE,
                        written -> written >= 0 ? "PIPE_BUF bytes" : "the pipe is full");
                if (n < 0) {
                    if (io.errno() == Errno.EAGAIN) {
                        break;
                    }
                    throw Native.failure("write(" + pipe.write() + ")", io.errno());
                }
                filled += n;
            }
            long probe = io.write(pipe.write(), page, 0, 1, "not even one byte fits");
            boolean full = probe < 0 && io.errno() == Errno.EAGAIN;
            demo.say("wrote " + filled + " bytes before write failed with EAGAIN; a 1-byte write then "
                    + (full ? "failed with EAGAIN too" : "returned " + Trace.result(probe, io.errno())));
            demo.say("capacity: " + filled + " bytes (" + pages((int) filled) + ")");
            demo.expect(filled == size && full,
                    "a pipe holds F_GETPIPE_SZ bytes: once that much is unread, a non-blocking write fails with EAGAIN",
                    "F_GETPIPE_SZ " + size + ", filled " + filled + (full ? "" : ", and a 1-byte write did not fail"));

            long capacity = filled;
            int initialSize = initial;
            int finalSize = size;
            return demo.finish(json -> {
                json.writeNumberField("read_fd", pipe.read());
                json.writeNumberField("write_fd", pipe.write());
                json.writeNumberField("initial_size", initialSize);
                if (requested >= 0) {
                    json.writeNumberField("requested_size", requested);
                }
                json.writeNumberField("f_getpipe_sz", finalSize);
                json.writeNumberField("capacity", capacity);
                if (limits.maxSize().isPresent()) {
                    json.writeNumberField("pipe_max_size", limits.maxSize().getAsLong());
                }
                json.writeBooleanField("cap_sys_resource", limits.canExceed());
            });
        }
    }

    private static String pages(int bytes) {
        return bytes % PAGE != 0 ? bytes + " bytes" : bytes == PAGE ? "1 page" : bytes / PAGE + " pages of " + PAGE;
    }

    /** F_SETPIPE_SZ failed: say why in the documents' and the kernel's terms. */
    private static IpcException refused(long requested, int errno, PipeLimits limits) {
        String why = Native.describe(errno);
        if (errno == Errno.EPERM) {
            boolean aboveMax = limits.maxSize().isPresent() && requested > limits.maxSize().getAsLong();
            why += aboveMax
                    ? ": above /proc/sys/fs/pipe-max-size (" + limits.maxSize().getAsLong() + "), which only a "
                    + "process with CAP_SYS_RESOURCE may exceed" + (limits.canExceed() ? "" : ", and this one has not")
                    : ": this user's pipes already hold /proc/sys/fs/pipe-user-pages-hard pages";
        }
        return IpcException.failure("F_SETPIPE_SZ " + requested + " refused: " + why);
    }
}

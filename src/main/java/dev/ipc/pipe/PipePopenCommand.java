// ipc pipe-demo popen: popen(3) and pclose(3) done by hand, as glibc does them: a pipe, /bin/sh -c CMD with
// one end dup2'd onto its stdout ("r") or stdin ("w"), and pclose's waitpid.
package dev.ipc.pipe;

import dev.ipc.cli.IpcException;
import dev.ipc.model.WaitStatus;
import dev.ipc.pipe.Children.Child;
import dev.ipc.pipe.Descriptors.Pipe;
import dev.ipc.libc.Errno;
import dev.ipc.libc.Native;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.CompletableFuture;

@Command(name = "popen",
        description = {
                "popen(CMD, \"r\" or \"w\") and pclose, done by hand as glibc does them.",
                "",
                "popen(CMD, \"r\") or popen(CMD, \"w\") and pclose(), done by hand with the calls glibc makes: "
                        + "pipe2(O_CLOEXEC), /bin/sh -c CMD started with posix_spawn and the pipe's other end "
                        + "dup2'd onto its stdout (r) or stdin (w), and waitpid.",
                "",
                "r: this process reads what CMD writes and copies it to stdout. w: this process copies its "
                        + "stdin into CMD, whose own output goes to stdout. Either way the story goes to stderr "
                        + "and ends with the status pclose returns: the wait status word, as waitpid gives it.",
                ""},
        footer = {"",
                "Examples:",
                "  ipc pipe-demo popen --mode r 'ls -l | head -3'",
                "  printf 'b\\na\\n' | ipc pipe-demo popen --mode w sort",
                "",
                "Exit status: 0 when CMD exited 0, 1 when it did not (or was still running at the timeout), "
                        + "2 on bad usage, 127 when /bin/sh is missing."})
public final class PipePopenCommand extends DemoCommand {
    private static final String SHELL = "/bin/sh";

    @Option(names = "--mode", required = true, paramLabel = "r|w",
            description = "r: read CMD's output; w: write to CMD's input.")
    String mode;

    @Parameters(paramLabel = "CMD", arity = "1", description = "A shell command line, given to /bin/sh -c as "
            + "popen gives it: quote it as one argument.")
    String command;

    @Override
    int run() {
        if (!mode.equals("r") && !mode.equals("w")) {
            throw IpcException.usage("invalid --mode '" + mode + "': expected r or w, as popen's type");
        }
        boolean reading = mode.equals("r");
        Program shell = Program.at(SHELL, List.of("sh", "-c", command));
        Output output = Output.of(spec, options);
        try (Demo demo = Demo.startWithStoryOnStderr(spec, options)) {
            String call = "popen(" + Trace.quote(command) + ", \"" + mode + "\")";
            Pipe pipe = demo.fds.pipe(call);
            demo.say(call + ": pipe(): fd[0]=" + pipe.read() + " is the read end, fd[1]=" + pipe.write()
                    + " the write end");
            Pipe capture = !reading && !output.direct()
                    ? demo.fds.pipe("the command's output, for this process to read (--json, or run in process)")
                    : null;
            int devNull = output.ownStreams() ? -1 : demo.fds.devNull();

            Children.Setup setup = new Children.Setup();
            if (reading) {
                if (devNull >= 0) {
                    setup.dup2(devNull, 0, "stdin is /dev/null: this process's stdin is not the demo's to give");
                }
                setup.dup2(pipe.write(), 1, "the command's stdout becomes the write end: popen's \"r\"")
                        .close(pipe.read(), "the read end is the caller's")
                        .close(pipe.write(), "the command has the write end as fd 1 now");
            } else {
                setup.dup2(pipe.read(), 0, "the command's stdin becomes the read end: popen's \"w\"")
                        .close(pipe.read(), "the command has the read end as fd 0 now")
                        .close(pipe.write(), "the write end is the caller's");
                if (capture != null) {
                    setup.dup2(capture.write(), 1, "stdout becomes the write end of the capture pipe");
                }
            }
            Child child = demo.children.spawn("command", shell, setup);
            demo.say("child " + child.pid + ": sh -c " + Trace.quote(command) + ", its "
                    + (reading ? "stdout the write end" : "stdin the read end"));
            demo.fds.close(reading ? pipe.write() : pipe.read(),
                    "popen keeps only its own end: the FILE * it returns wraps the other one");
            if (devNull >= 0) {
                demo.fds.close(devNull, "the command has its own copy");
            }


            PipeIo io = new PipeIo(demo.trace, 64 * 1024);
            boolean endOfFile = false;
            boolean stdoutClosed = false;
            long copied = 0;
            boolean commandStoppedReading = false;
            if (reading) {
                PipeIo.Outcome outcome = io.drain(pipe.read(), demo.deadline, output, "the command's output",
                        "end of file: the command closed its stdout (it exited)",
                        "the command is still running at the timeout");
                endOfFile = outcome == PipeIo.Outcome.END_OF_FILE;
                stdoutClosed = outcome == PipeIo.Outcome.SINK_CLOSED;
                demo.say("parent: read " + output.bytes() + " bytes from the command, " + switch (outcome) {
                    case END_OF_FILE -> "then end of file";
                    case TIMED_OUT -> "and no end of file within " + demo.deadline.limit();
                    case SINK_CLOSED -> "then stopped: our own stdout was closed (EPIPE); once pclose closes the "
                            + "read end, the command's next write raises SIGPIPE";
                });
            } else {
                if (capture != null) {
                    demo.fds.close(capture.write(), "only the command may hold the capture pipe's write end");
                }
                CompletableFuture<PipeIo.Outcome> captured = capture == null ? null : CompletableFuture.supplyAsync(
                        () -> new PipeIo(demo.trace, 64 * 1024).drain(capture.read(), demo.deadline, output,
                                "the command's output", "end of file: the command is done",
                                "the command is still running at the timeout"),
                        Demo.threads());
                Copied result;
                try {
                    result = copyStandardInput(demo, io, output.ownStreams(), pipe.write());
                } finally {
                    demo.fds.close(pipe.write(), "pclose: the command now reads end of file");
                    if (captured != null) {
                        captured.join(); // bounded: the drain stops at the deadline
                        demo.fds.close(capture.read(), "all of the command's output is in");
                    }
                }
                copied = result.bytes();
                commandStoppedReading = result.epipe();
                demo.say("parent: wrote " + copied + " bytes into the command"
                        + (commandStoppedReading ? ", then EPIPE: it had stopped reading (SIGPIPE is caught in "
                        + "this JVM, so write returned the error instead of killing it)" : ""));
            }
            if (reading) {
                demo.fds.close(pipe.read(), "pclose closes the stream first");
            }
            WaitStatus status = demo.awaitSuccess(child, stdoutClosed);
            demo.say("pclose() = " + status.raw() + ": the command " + Trace.describe(status)
                    + (status.exited() ? " (WEXITSTATUS " + status.exitCode() + ")" : ""));
            output.finish();
            boolean sawEnd = endOfFile;
            long written = copied;
            boolean epipe = commandStoppedReading;
            boolean closedUnderUs = stdoutClosed;
            return demo.finish(json -> {
                json.writeStringField("mode", mode);
                json.writeStringField("command", command);
                json.writeNumberField("pclose", status.raw());
                if (reading) {
                    json.writeBooleanField("end_of_file", sawEnd);
                    json.writeBooleanField("stdout_closed", closedUnderUs);
                } else {
                    json.writeNumberField("bytes_written", written);
                    json.writeBooleanField("epipe", epipe);
                }
                output.writeJson(json);
            });
        }
    }

    /**
     * Copies this process's stdin into the pipe until end of file, the deadline or EPIPE. Run in process (not
     * as ipc's own program) there is no stdin of ours to give, and nothing is copied.
     */
    private static Copied copyStandardInput(Demo demo, PipeIo io, boolean ownStdin, int fd) {
        long total = 0;
        if (!ownStdin) {
            return new Copied(0, false);
        }
        while (io.awaitReadable(0, demo.deadline, "stdin has sent nothing more before the timeout")) {
            long n = io.read(0, 64 * 1024, got -> got == 0 ? "end of file on stdin" : "from our stdin");
            if (n == 0 || (n < 0 && io.errno() != Errno.EINTR)) {
                break;
            }
            byte[] data = io.bytes().clone();
            for (int offset = 0; offset < n; ) {
                long w = io.write(fd, data, offset, (int) n - offset, "into the command's stdin");
                if (w < 0) {
                    if (io.errno() == Errno.EPIPE) {
                        return new Copied(total, true);
                    }
                    if (io.errno() != Errno.EINTR) {
                        throw Native.failure("write(" + fd + ")", io.errno());
                    }
                } else {
                    offset += (int) w;
                    total += w;
                }
            }
        }
        return new Copied(total, false);
    }

    /** What copying stdin came to: the bytes written, and whether the command stopped reading (EPIPE). */
    private record Copied(long bytes, boolean epipe) {
    }
}

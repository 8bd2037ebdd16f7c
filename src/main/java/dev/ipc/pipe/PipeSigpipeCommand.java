// ipc pipe-demo sigpipe: writing to a pipe no process reads any more raises SIGPIPE, or fails with EPIPE
// where SIGPIPE is ignored or caught.
package dev.ipc.pipe;

import dev.ipc.model.WaitStatus;
import dev.ipc.pipe.Children.Child;
import dev.ipc.pipe.Descriptors.Pipe;
import dev.ipc.procfs.ProcessStatus;
import dev.ipc.libc.Errno;
import dev.ipc.libc.Native;
import dev.ipc.libc.Posix;
import picocli.CommandLine.Command;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

@Command(name = "sigpipe",
        description = {
                "Writing with no reader left: SIGPIPE kills the writer, or write fails with EPIPE.",
                "",
                "The documents' rule for writers: with no reading process left, write sends the writer "
                        + "SIGPIPE, whose default action kills it; a writer that ignores or catches SIGPIPE "
                        + "gets EPIPE from write instead.",
                "",
                "Three writers, each into a pipe whose read end is closed everywhere: printf with SIGPIPE at "
                        + "its default (killed); printf started by sh after trap '' PIPE, which execve keeps "
                        + "(EPIPE, reported by printf); and this process, a JVM, which catches SIGPIPE (EPIPE, "
                        + "seen directly).",
                ""},
        footer = {"", "Exit status: 0 when the kernel behaved as documented, 1 when not, 2 on bad usage, 127 "
                + "when printf or /bin/sh is missing."})
public final class PipeSigpipeCommand extends DemoCommand {
    private static final String MESSAGE = PipeHelloCommand.MESSAGE;

    @Override
    int run() {
        Program printf = program(List.of("printf", "%s", MESSAGE));
        Program ignoring = Program.at("/bin/sh", List.of("sh", "-c", "trap '' PIPE; exec printf %s '" + MESSAGE + "'"));
        try (Demo demo = Demo.start(spec, options)) {
            // 1. The default action.
            Pipe first = demo.fds.pipe("pipe 1, for a writer with SIGPIPE at its default action");
            demo.fds.close(first.read(), "the only read end: from now on nobody can read this pipe");
            Child killed = demo.children.spawn("writer 1", printf, new Children.Setup()
                    .dup2(first.write(), 1, "stdout is the write end of a pipe without readers")
                    .close(first.write(), "the write end is fd 1 now"));
            demo.fds.close(first.write(), "the writer has its own copy");
            WaitStatus byDefault = demo.children.await(killed, demo.deadline);
            demo.say("writer 1 (printf, SIGPIPE at its default action), pipe without readers: "
                    + Trace.describe(byDefault));
            demo.expect(byDefault.signaled() && byDefault.signal() == Posix.SIGPIPE,
                    "write to a pipe with no reader sends the writer SIGPIPE, which kills it by default",
                    "printf " + Trace.describe(byDefault));

            // 2. Ignored: sh's trap '' PIPE sets SIG_IGN, and an ignored signal stays ignored across execve.
            Pipe second = demo.fds.pipe("pipe 2, for a writer that ignores SIGPIPE");
            Pipe errors = demo.fds.pipe("the second writer's stderr, to read its complaint");
            demo.fds.close(second.read(), "the only read end: nobody can read pipe 2 either");
            Child ignored = demo.children.spawn("writer 2", ignoring, new Children.Setup()
                    .dup2(second.write(), 1, "stdout is the write end of a pipe without readers")
                    .dup2(errors.write(), 2, "stderr goes back to the parent")
                    .close(second.write(), "the write end is fd 1 now")
                    .close(errors.read(), "the parent reads this end")
                    .close(errors.write(), "stderr is fd 2 now")
                    .environment("LC_ALL", "C"));
            demo.fds.close(second.write(), "the writer has its own copy");
            demo.fds.close(errors.write(), "only the writer writes its stderr");
            ByteArrayOutputStream complaint = new ByteArrayOutputStream();
            new PipeIo(demo.trace, 4096).drain(errors.read(), demo.deadline,
                    (data, length) -> complaint.write(data, 0, length), "what printf says", "its stderr is closed",
                    "the writer is still running at the timeout");
            demo.fds.close(errors.read(), "all of it is in");
            WaitStatus whenIgnored = demo.children.await(ignored, demo.deadline);
            String said = complaint.toString(StandardCharsets.UTF_8).trim();
            demo.say("writer 2 (printf after trap '' PIPE): " + Trace.describe(whenIgnored)
                    + (said.isEmpty() ? "" : ", saying \"" + said + "\""));
            demo.expect(whenIgnored.exited() && whenIgnored.exitCode() != 0
                            && said.contains(Native.describe(Errno.EPIPE)),
                    "a writer that ignores SIGPIPE is not killed: its write fails with EPIPE",
                    "printf " + Trace.describe(whenIgnored)
                            + (said.isEmpty() ? ", saying nothing" : ", saying \"" + said + "\""));

            // 3. This process: the JVM catches SIGPIPE, so the signal cannot kill it.
            Pipe third = demo.fds.pipe("pipe 3, written by this process");
            demo.fds.close(third.read(), "the only read end");
            PipeIo io = new PipeIo(demo.trace, 4096);
            byte[] message = MESSAGE.getBytes(StandardCharsets.US_ASCII);
            long result = io.write(third.write(), message, 0, message.length,
                    n -> n < 0 ? "no reader: SIGPIPE is sent, and caught, so write returns EPIPE" : null);
            String disposition = ProcessStatus.ignores(Posix.SIGPIPE) ? "ignores"
                    : ProcessStatus.catches(Posix.SIGPIPE) ? "catches" : "does not catch";
            String seen = Trace.result(result, io.errno());
            demo.say("this process (it " + disposition + " SIGPIPE), pipe without readers: write returned " + seen);
            demo.expect(result < 0 && io.errno() == Errno.EPIPE,
                    "a writer that catches or ignores SIGPIPE gets EPIPE from write",
                    "write returned " + seen);
            demo.fds.close(third.write(), "done");

            return demo.finish(json -> {
                json.writeStringField("ignored_writer_said", said);
                json.writeStringField("this_process_sigpipe", disposition);
                json.writeStringField("this_process_write", seen);
            });
        }
    }
}

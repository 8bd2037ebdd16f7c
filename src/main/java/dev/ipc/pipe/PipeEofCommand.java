// ipc pipe-demo eof: read returns end of file only when every write end is closed, in every process.
package dev.ipc.pipe;

import dev.ipc.pipe.Children.Child;
import dev.ipc.pipe.Descriptors.Pipe;
import dev.ipc.libc.Errno;
import picocli.CommandLine.Command;

import java.util.List;

@Command(name = "eof",
        description = {
                "read returns end of file only when every write end, in every process, is closed.",
                "",
                "The documents' rule for readers: read returns end of file only when no process holds a write "
                        + "end any more; while one does, an empty pipe makes read wait.",
                "",
                "A child (cat) gets a copy of the write end as its stdout and holds it until its own stdin, a "
                        + "second pipe, reaches end of file. The read end is made O_NONBLOCK, so that each look "
                        + "answers at once: EAGAIN (a blocking read would wait) or 0 (end of file). Shown: with "
                        + "both this process and cat holding a write end; with only cat; with none.",
                ""},
        footer = {"", "Exit status: 0 when the kernel behaved as documented, 1 when not or when cat failed, "
                + "2 on bad usage, 127 when cat is missing."})
public final class PipeEofCommand extends DemoCommand {
    @Override
    int run() {
        Program cat = program(List.of("cat"));
        try (Demo demo = Demo.start(spec, options)) {
            Pipe pipe = demo.fds.pipe("the pipe");
            Pipe gate = demo.fds.pipe("the gate: cat exits once this reaches end of file");
            demo.say("pipe(): fd[0]=" + pipe.read() + " is the read end, fd[1]=" + pipe.write() + " the write end");
            Child child = demo.children.spawn("child", cat, new Children.Setup()
                    .dup2(gate.read(), 0, "stdin is the gate's read end")
                    .dup2(pipe.write(), 1, "stdout is a copy of the write end: a second writer")
                    .close(gate.read(), "the gate's read end is fd 0 now")
                    .close(gate.write(), "the gate's write end stays with the parent")
                    .close(pipe.read(), "the child does not read the pipe")
                    .close(pipe.write(), "the write end is fd 1 now"));
            demo.fds.close(gate.read(), "only cat reads the gate");
            demo.say("child " + child.pid + " (cat): holds a copy of the write end as its stdout until its stdin "
                    + "(the gate) reaches end of file");
            PipeIo io = new PipeIo(demo.trace, 4096);
            io.setNonBlocking(pipe.read(), "read end");

            long both = io.read(pipe.read(), 4096, "empty; writers: this process and cat");
            String withBoth = Trace.result(both, io.errno());
            demo.say("read with write ends in this process (fd " + pipe.write() + ") and in cat: " + withBoth);
            demo.expect(both < 0 && io.errno() == Errno.EAGAIN,
                    "no end of file while any process holds a write end: an empty pipe makes read wait (EAGAIN)",
                    "read returned " + withBoth);

            demo.fds.close(pipe.write(), "this process's write end");
            long catOnly = io.read(pipe.read(), 4096, "empty; writer: cat still");
            String withCat = Trace.result(catOnly, io.errno());
            demo.say("closed this process's write end; read with cat's write end still open: " + withCat);
            demo.expect(catOnly < 0 && io.errno() == Errno.EAGAIN,
                    "closing the write end in one process is not enough: another still holds one",
                    "read returned " + withCat);

            demo.fds.close(gate.write(), "cat's stdin reaches end of file: cat exits, closing its write end");
            demo.awaitSuccess(child);
            demo.say("closed the gate: cat " + Trace.describe(child.status()) + ", and its write end went with it");
            long none = io.read(pipe.read(), 4096, result -> result == 0 ? "end of file: no write end anywhere" : null);
            String withNone = Trace.result(none, io.errno());
            demo.say("read with no write end left: " + withNone);
            demo.expect(none == 0, "read returns end of file (0) once every write end is closed, in every process",
                    "read returned " + withNone);

            return demo.finish(json -> {
                json.writeNumberField("read_fd", pipe.read());
                json.writeNumberField("write_fd", pipe.write());
                json.writeStringField("read_with_two_writers", withBoth);
                json.writeStringField("read_with_one_writer", withCat);
                json.writeStringField("read_with_no_writer", withNone);
            });
        }
    }
}

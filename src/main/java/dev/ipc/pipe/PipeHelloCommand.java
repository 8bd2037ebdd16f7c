// ipc pipe-demo hello: the documents' first example. A child writes "Hello from child" into a pipe and
// exits; the parent reads it; each closes the end it does not use.
package dev.ipc.pipe;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.Durations;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.pipe.Children.Child;
import dev.ipc.pipe.Descriptors.Pipe;
import dev.ipc.render.JsonFields;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

public final class PipeHelloCommand extends DemoCommand {
    static final String MESSAGE = "Hello from child";
    private static final String NAME = "hello";

    /** A plain line's values and where it runs (dev.ipc.FastPath); null when picocli runs the demo. */
    private ParsedLine line;
    private Demo.Target target;

    private PipeHelloCommand() {
    }

    /** Runs a plain line without picocli (dev.ipc.FastPath), as picocli runs it. */
    public static int run(ParsedLine line, RunContext context) {
        PipeHelloCommand command = new PipeHelloCommand();
        command.line = line;
        command.options = DemoOptions.of(line);
        command.target = Demo.Target.of(PipeDemoCommand.NAME + " " + NAME, context);
        return command.guarded(command.target.name());
    }

    /** The model, built in code (see {@link CommandSpecs}): what DemoCommand's annotations give the others. */
    public static CommandSpec spec() {
        PipeHelloCommand command = new PipeHelloCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name(NAME).exitCodeOnInvalidInput(ExitCodes.USAGE);
        spec.usageMessage()
                .description("A child writes \"Hello from child\" into a pipe, the parent reads it: the documents' "
                                + "first example.",
                        "",
                        "The documents' first example: the parent makes a pipe, a child writes \"Hello from child\" "
                                + "into the write end and exits, the parent reads it from the read end. Each closes "
                                + "the end it does not use.",
                        "",
                        "With --no-close the parent keeps its write end: its read then sees no end of file, though "
                                + "the child has long gone, until it closes that end itself.",
                        "")
                .footer("", "Exit status: 0 when the kernel behaved as the documents say, 1 when not or when the "
                        + "child failed, 2 on bad usage.");
        command.options = DemoOptions.addTo(spec);
        spec.addOption(CommandSpecs.flag("The parent does not close the write end it does not use.", "--no-close"));
        spec.addOption(OptionSpec.builder("--wait").arity("1").type(String.class).paramLabel("DURATION")
                .defaultValue("1s").description("With --no-close: how long the parent waits for the end of file "
                        + "that cannot come; 0: it only looks. Default: ${DEFAULT-VALUE}. " + Durations.HELP)
                .build());
        CommandSpecs.withStandardHelp(spec); // after the options, as mixinStandardHelpOptions adds them
        return spec;
    }

    @Override
    int run() {
        ParsedLine values = line != null ? line : CommandSpecs.parsed(spec);
        Demo.Target where = target != null ? target : Demo.Target.of(spec);
        boolean noClose = values.given("--no-close");
        long waitNanos = Durations.nanos("--wait", values.text("--wait"));
        // printf(1) stands in for the child's code: it writes its argument to stdout in one write() and exits.
        Program printf = Program.resolve(List.of("printf", "%s", MESSAGE), where.environment());
        try (Demo demo = Demo.start(where, options)) {
            Pipe pipe = demo.fds.pipe("the pipe");
            demo.say("pipe(): fd[0]=" + pipe.read() + " is the read end, fd[1]=" + pipe.write() + " the write end");

            Child child = demo.children.spawn("child", printf, new Children.Setup()
                    .close(pipe.read(), "the child closes the read end it does not use")
                    .dup2(pipe.write(), 1, "printf writes to stdout: stdout becomes the write end")
                    .close(pipe.write(), "the write end stays open as fd 1 only"));
            demo.say("child " + child.pid + ": closed the read end, made the write end its stdout, runs printf to "
                    + "write \"" + MESSAGE + "\" and exit");
            if (noClose) {
                demo.say("parent: keeps the write end fd " + pipe.write() + " open (--no-close)");
            } else {
                demo.fds.close(pipe.write(), "the parent closes the write end it does not use");
                demo.say("parent: closed the write end it does not use (fd " + pipe.write() + ")");
            }

            PipeIo io = new PipeIo(demo.trace, 4096);
            ByteArrayOutputStream received = new ByteArrayOutputStream();
            boolean endOfFile;
            boolean endOfFileWhileOpen = false;
            if (!noClose) {
                endOfFile = io.drain(pipe.read(), demo.deadline, new PipeIo.Collecting(received),
                        "the child's message", "end of file: no write end is open in any process any more",
                        "no end of file yet") == PipeIo.Outcome.END_OF_FILE;
                tellMessage(demo, received);
                demo.say(endOfFile
                        ? "parent: read returned 0, end of file: the only write end was the child's, and it exited"
                        : "parent: no end of file after " + demo.deadline.limit());
                demo.expect(endOfFile, "read returns end of file once every write end is closed, in every process",
                        endOfFile ? "read returned 0 after the child exited"
                                : "no end of file after " + demo.deadline.limit());
            } else {
                Reading reading = readMessage(demo, io, pipe.read(), received);
                tellMessage(demo, received);
                String waited = Durations.format(waitNanos);
                endOfFileWhileOpen = reading == Reading.END_OF_FILE
                        || reading == Reading.WHOLE_MESSAGE && io.awaitReadable(pipe.read(), Deadline.after(waitNanos),
                        "nothing to read and no end of file: this process still holds the write end");
                demo.say(endOfFileWhileOpen ? "parent: read returned end of file while it held the write end"
                        : "parent: after " + waited + " still no end of file: the child "
                        + (demo.children.ended(child) ? "has exited" : "is still running")
                        + ", but this process holds the write end fd " + pipe.write());
                demo.expect(!endOfFileWhileOpen,
                        "read gives no end of file while a write end is open, even one the reader holds itself",
                        (endOfFileWhileOpen ? "read returned end of file" : "no end of file in " + waited)
                                + " while fd " + pipe.write() + " was open");
                demo.fds.close(pipe.write(), "the parent closes its write end at last");
                endOfFile = io.awaitReadable(pipe.read(), demo.deadline, "still no end of file")
                        && io.read(pipe.read(), 4096, n -> n == 0 ? "end of file, at once" : null) == 0;
                demo.say(endOfFile ? "parent: closed its write end; read returned 0, end of file, at once"
                        : "parent: closed its write end, and still no end of file");
                demo.expect(endOfFile, "read returns end of file as soon as the last write end is closed",
                        endOfFile ? "read returned 0 right after close" : "no end of file after the last write end "
                                + "was closed");
            }
            demo.fds.close(pipe.read(), "the parent is done reading");
            demo.awaitSuccess(child);
            demo.say("child " + child.pid + ": " + Trace.describe(child.status()));

            String message = received.toString(StandardCharsets.UTF_8);
            boolean sawEnd = endOfFile;
            boolean sawEndWhileOpen = endOfFileWhileOpen;
            return demo.finish(new HelloFindings(pipe.read(), pipe.write(), noClose, message, sawEnd, waitNanos,
                    sawEndWhileOpen));
        }
    }

    /** What --json adds for this demo; a class, not a lambda, as in PipeIo. */
    private record HelloFindings(int readFd, int writeFd, boolean noClose, String message, boolean endOfFile,
                                 long waitNanos, boolean endOfFileWhileOpen) implements Demo.Findings {
        @Override
        public void write(JsonGenerator json) throws IOException {
            json.writeNumberField("read_fd", readFd);
            json.writeNumberField("write_fd", writeFd);
            json.writeBooleanField("no_close", noClose);
            json.writeStringField("received", message);
            json.writeBooleanField("end_of_file", endOfFile);
            if (noClose) {
                JsonFields.seconds(json, "waited_seconds", waitNanos);
                json.writeBooleanField("end_of_file_while_write_end_open", endOfFileWhileOpen);
            }
        }
    }

    private static void tellMessage(Demo demo, ByteArrayOutputStream received) {
        String message = received.toString(StandardCharsets.UTF_8);
        demo.say("parent: read " + received.size() + " bytes: \"" + message + "\"");
        demo.expect(message.equals(MESSAGE), "the parent reads the bytes the child wrote, in order",
                "read \"" + message + "\"");
    }

    /** How reading the message ended. */
    private enum Reading { WHOLE_MESSAGE, END_OF_FILE, TIMED_OUT }

    /** Reads until the whole message is in, end of file or the deadline. */
    private static Reading readMessage(Demo demo, PipeIo io, int fd, ByteArrayOutputStream received) {
        while (received.size() < MESSAGE.length()) {
            if (!io.awaitReadable(fd, demo.deadline, "no message yet")) {
                return Reading.TIMED_OUT;
            }
            long n = io.read(fd, 4096, "the child's message");
            if (n == 0) {
                return Reading.END_OF_FILE;
            }
            if (n > 0) {
                received.write(io.bytes(), 0, (int) n);
            }
        }
        return Reading.WHOLE_MESSAGE;
    }
}

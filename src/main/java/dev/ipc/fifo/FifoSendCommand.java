// ipc fifo send: one client of ipc fifo serve (or any server of the protocol): a request, its reply on stdout.
package dev.ipc.fifo;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.Durations;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.demo.Calls;
import dev.ipc.demo.Diagram;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

public final class FifoSendCommand implements Callable<Integer> {
    private CommandSpec spec;
    private ClientOptions server;

    private FifoSendCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        FifoSendCommand command = new FifoSendCommand();
        CommandSpec spec = CommandSpec.wrapWithoutInspection(command);
        command.spec = spec;
        spec.name("send").exitCodeOnInvalidInput(ExitCodes.USAGE);
        spec.usageMessage()
                .sortOptions(false)
                .description("Send one request to the FIFO server in DIR and print its reply.",
                        "Makes DIR/client.PID.fifo (mode 0600, 0620 with --shared) and removes it on exit, also on "
                                + "Ctrl-C and timeout.", "")
                .footer("", "Examples:",
                        "  ipc fifo send ping                 pong",
                        "  ipc fifo send --count 3 seq        three sequence numbers, one a line",
                        "  ipc fifo send upper hello world    HELLO WORLD",
                        "",
                        "Exit status: 0 when every reply came and none was ERR; 1 on an ERR reply, no server or no "
                                + "reply in time; 2 on bad usage.");
        command.server = ClientOptions.addTo(spec);
        spec.addOption(OptionSpec.builder("--count").arity("1").type(long.class).paramLabel("N").defaultValue("1")
                .description("Send the request N times over the same FIFO, one reply a line.").build());
        spec.addOption(CommandSpecs.flag("Print the exchange as a Mermaid sequence diagram instead of the replies: "
                + "this client, server.fifo and its own FIFO, an arrow per request written and per reply read.",
                "--diagram"));
        spec.addPositional(PositionalParamSpec.builder().index("0").arity("1").required(true).type(String.class)
                .paramLabel("VERB").description("seq, echo, upper, ping, stats...")
                .completionCandidates(List.of("seq", "echo", "upper", "ping", "stats")).build());
        spec.addPositional(PositionalParamSpec.builder().index("1..*").arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).paramLabel("ARGUMENT")
                .description("The argument; several words are joined by single spaces.").build());
        CommandSpecs.withStandardHelp(spec); // after the options, as mixinStandardHelpOptions adds them
        return spec;
    }

    @Override
    public Integer call() {
        List<String> given = spec.positionalParameters().get(1).getValue();
        return send(spec.findOption("--count").<Long>getValue(), CommandSpecs.given(spec, "--diagram"),
                spec.positionalParameters().get(0).getValue(), given == null ? List.of() : given,
                spec.findOption("--dir").<Path>getValue(), server.shared(), server.timeout(), RunContext.of(spec));
    }

    /**
     * A plain line parsed without picocli (dev.ipc.FastPath): --count, --dir, --timeout, --shared and --diagram
     * in their plain forms, --count in ASCII digits (picocli's conversion of anything else is its own), and the
     * verb with its argument words as one list.
     */
    public static int run(ParsedLine line, RunContext context) {
        List<String> words = line.positional(0);
        String dir = line.text("--dir");
        return send(Long.parseLong(line.text("--count")), line.given("--diagram"), words.get(0),
                words.subList(1, words.size()), dir == null ? null : Path.of(dir), line.given("--shared"),
                line.text("--timeout"), context);
    }

    private static int send(long count, boolean diagram, String verb, List<String> arguments, Path dir,
                            boolean shared, String timeout, RunContext context) {
        long timeoutNanos = Durations.nanos("--timeout", timeout);
        if (count < 1) {
            throw IpcException.usage("invalid --count '" + count + "': expected a number of at least 1");
        }
        if (verb.isEmpty() || verb.indexOf(' ') >= 0 || verb.indexOf('\n') >= 0) {
            throw IpcException.usage("invalid verb '" + verb + "': expected one word");
        }
        String argument = String.join(" ", arguments);
        if (argument.indexOf('\n') >= 0) {
            throw IpcException.usage("the argument cannot contain a newline: a request is one line");
        }
        String request = arguments.isEmpty() ? verb : verb + " " + argument;
        // Checked before anything is made: the longest pid has 7 digits.
        int longest = ("4194304 " + request + "\n").getBytes(StandardCharsets.UTF_8).length;
        if (longest > FifoProtocol.MAX_REQUEST) {
            throw IpcException.usage("request too long: " + (longest - 9) + " bytes of verb and argument, at most "
                    + (FifoProtocol.MAX_REQUEST - 9));
        }
        PrintWriter out = context.out();
        Diagram drawn = diagram ? new Diagram() : null;
        try (ClientFifo client = ClientFifo.connect(FifoProtocol.directory(dir, context.environment()), shared)) {
            String me = "client[" + client.pid() + "]";
            if (drawn != null) {
                drawn.participant(me, me);
                drawn.call(me, client.serverPath(), "openat(" + Calls.quote(client.serverPath())
                        + ", O_WRONLY|O_NONBLOCK|O_NOFOLLOW|O_CLOEXEC) = " + client.serverFd());
                drawn.call(me, client.path(), "mkfifoat(" + Calls.quote(client.path()) + ") = 0, then openat(O_RDWR) = "
                        + client.replyFd());
            }
            for (long i = 0; i < count; i++) {
                String reply = client.request(request, timeoutNanos);
                if (drawn != null) {
                    byte[] line = (client.pid() + " " + request + "\n").getBytes(StandardCharsets.UTF_8);
                    drawn.call(me, client.serverPath(), "write(" + client.serverFd() + ", "
                            + Calls.quote(line, 0, line.length) + ", " + line.length + ") = " + line.length);
                    byte[] answer = (reply + "\n").getBytes(StandardCharsets.UTF_8);
                    drawn.reply(client.path(), me, "read(" + client.replyFd() + ", "
                            + Calls.quote(answer, 0, answer.length) + ") = " + answer.length
                            + ": the server's reply");
                }
                if (reply.startsWith("ERR ") || reply.equals("ERR")) {
                    if (drawn != null) {
                        drawn.note(me, "FAIL: the server answered " + reply);
                        out.print(drawn.render());
                    }
                    out.flush();
                    throw IpcException.failure("the server answered: " + reply);
                }
                if (drawn == null) {
                    out.println(reply);
                }
            }
            if (drawn != null) {
                drawn.call(me, client.path(), "unlinkat(" + Calls.quote(client.path()) + ") = 0, on close");
                out.print(drawn.render());
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}

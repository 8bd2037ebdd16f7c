// ipc fifo send: one client of ipc fifo serve (or any server of the protocol): a request, its reply on stdout.
package dev.ipc.fifo;

import dev.ipc.cli.CommandSpecs;
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
import java.util.List;
import java.util.concurrent.Callable;

public final class FifoSendCommand implements Callable<Integer> {
    private CommandSpec spec;
    private ClientOptions server;
    private long count;
    private String verb;
    private List<String> arguments;

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
        count = spec.findOption("--count").<Long>getValue();
        boolean diagram = CommandSpecs.given(spec, "--diagram");
        verb = spec.positionalParameters().get(0).getValue();
        List<String> given = spec.positionalParameters().get(1).getValue();
        arguments = given == null ? List.of() : given;
        long timeoutNanos = server.timeoutNanos();
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
        PrintWriter out = spec.commandLine().getOut();
        Diagram drawn = diagram ? new Diagram() : null;
        try (ClientFifo client = ClientFifo.connect(server.directory(RunContext.of(spec).environment()), server.shared())) {
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

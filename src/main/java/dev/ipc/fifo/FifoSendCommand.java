// ipc fifo send: one client of ipc fifo serve (or any server of the protocol): a request, its reply on stdout.
package dev.ipc.fifo;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "send",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = {"Send one request to the FIFO server in DIR and print its reply.",
                "Makes DIR/client.PID.fifo (mode 0600, 0620 with --shared) and removes it on exit, also on "
                        + "Ctrl-C and timeout.", ""},
        footer = {"", "Examples:",
                "  ipc fifo send ping                 pong",
                "  ipc fifo send --count 3 seq        three sequence numbers, one a line",
                "  ipc fifo send upper hello world    HELLO WORLD",
                "",
                "Exit status: 0 when every reply came and none was ERR; 1 on an ERR reply, no server or no reply "
                        + "in time; 2 on bad usage."})
public final class FifoSendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ClientOptions server = new ClientOptions();

    @Option(names = "--count", paramLabel = "N", defaultValue = "1",
            description = "Send the request N times over the same FIFO, one reply a line.")
    long count;

    @Parameters(index = "0", paramLabel = "VERB", completionCandidates = Verbs.class,
            description = "seq, echo, upper, ping, stats...")
    String verb;

    /** The verbs the server answers, for completion (Responder's list). */
    static final class Verbs implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return List.of("seq", "echo", "upper", "ping", "stats").iterator();
        }
    }

    @Parameters(index = "1..*", paramLabel = "ARGUMENT",
            description = "The argument; several words are joined by single spaces.")
    List<String> arguments = List.of();

    @Override
    public Integer call() {
        long timeoutNanos = server.timeoutNanos();
        if (count < 1) {
            throw IpcException.usage("invalid --count '" + count + "': expected a number of at least 1");
        }
        if (verb.isEmpty() || verb.chars().anyMatch(c -> c == ' ' || c == '\n')) {
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
        try (ClientFifo client = ClientFifo.connect(server.directory(), server.shared)) {
            for (long i = 0; i < count; i++) {
                String reply = client.request(request, timeoutNanos);
                if (reply.startsWith("ERR ") || reply.equals("ERR")) {
                    out.flush();
                    throw IpcException.failure("the server answered: " + reply);
                }
                out.println(reply);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}

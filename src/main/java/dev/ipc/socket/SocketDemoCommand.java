// ipc socket demo: the documents' last row of the table. Streams and datagrams with the same messages, the three
// kinds of address, and what the kernel tells about the peer: its credentials, and a descriptor it passes.
package dev.ipc.socket;

import dev.ipc.cli.Durations;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.IpcException;
import dev.ipc.demo.DemoOutputOptions;
import dev.ipc.demo.DemoRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Lab demo: stream and datagram sockets, their addresses, and what the kernel says about the "
                + "peer.",
                "The same messages go through a SOCK_STREAM socket pair, where a byte stream keeps no boundaries and "
                + "several writes come out of one read, and through SOCK_DGRAM sockets (a pair, and one bound to a "
                + "path), where every read returns one whole message. The three kinds of address: a path in the "
                + "file system (left behind after close until it is unlinked), a name in Linux's abstract "
                + "namespace (nothing on disk, gone with the socket), and UDP on 127.0.0.1 with a port the kernel "
                + "picks. A child process connects to the abstract name: SO_PEERCRED tells its pid, uid and gid, "
                + "checked against the child's own, and it passes a pipe's read end with SCM_RIGHTS."},
        footer = {"", "Exit status: 0 when the kernel behaved as the documents say; 1 otherwise; 2 bad usage."})
public final class SocketDemoCommand implements Callable<Integer> {
    static final List<String> DEFAULT_MESSAGES = List.of("first", "second", "third");
    static final int MAX_MESSAGES = 64;
    static final int MAX_MESSAGE_BYTES = 1024;
    static final String NOTE = "written into a pipe by the child; its read end came with SCM_RIGHTS";

    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Option(names = {"-m", "--message"}, paramLabel = "TEXT",
            description = "A message to send, each time it is given (default: first, second, third); 1 to "
                    + MAX_MESSAGES + " messages of 1 to " + MAX_MESSAGE_BYTES + " bytes.")
    List<String> messages;

    @Mixin
    DemoOutputOptions output;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Longest wait for the child and its connection; 0: no limit. Default: ${DEFAULT-VALUE}. "
                    + Durations.HELP)
    String timeout;

    @Override
    public Integer call() {
        long timeoutMillis = Durations.nanos("--timeout", timeout) / 1_000_000;
        List<byte[]> chosen = messages(messages == null ? DEFAULT_MESSAGES : messages);
        DemoRun run = output.run(spec, "socket demo",
                "ipc socket demo: " + chosen.size() + " messages through stream and datagram sockets, the three "
                        + "kinds of address, and a child whose credentials the kernel reports.",
                "A socket is an end point of communication: a stream socket carries bytes, with no boundaries "
                        + "between messages; a datagram socket carries whole messages. Its address is a path in "
                        + "the file system, a name in the abstract namespace, or an IP address and a port.");
        SocketFindings findings = new SocketFindings(chosen);
        run.findings(findings::write);
        return run.execute(r -> new SocketLab(r, chosen, timeoutMillis, findings,
                name -> new SocketPeer(name, timeoutMillis, r.tracing())).run());
    }

    private static List<byte[]> messages(List<String> texts) {
        if (texts.isEmpty() || texts.size() > MAX_MESSAGES) {
            throw IpcException.usage("from 1 to " + MAX_MESSAGES + " messages, not " + texts.size());
        }
        List<byte[]> chosen = new ArrayList<>();
        for (String text : texts) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length == 0 || bytes.length > MAX_MESSAGE_BYTES) {
                throw IpcException.usage("a message has 1 to " + MAX_MESSAGE_BYTES + " bytes: '" + text + "' has "
                        + bytes.length);
            }
            chosen.add(bytes);
        }
        return chosen;
    }
}

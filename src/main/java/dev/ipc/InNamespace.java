// --ns PID|PATH: taken from the raw arguments before parsing, as --debug is, so that the namespace is entered
// before the command reads anything (ls starts its reads ahead of parsing).
package dev.ipc;

import dev.ipc.cli.ErrorReporter;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.NamespaceTarget;
import dev.ipc.cli.Terminal;

import java.io.PrintWriter;
import java.util.Set;
import java.util.function.ToIntFunction;

final class InNamespace {
    /**
     * Commands that hold no state of an IPC namespace (FIFOs, pipes and sockets are files and descriptors,
     * signals go to pids), and ns, which lists every namespace.
     */
    private static final Set<String> NOT_NAMESPACED = Set.of("fifo", "pipe-demo", "signal", "socket", "ns");
    /** The util-linux clones, whose tools exit 1 for bad input. */
    private static final Set<String> EXIT_1_ON_BAD_INPUT = Set.of("ls", "mk", "rm");

    private InNamespace() {
    }

    /** Whether --ns applies to the top-level command of this name. */
    static boolean applies(String command) {
        return !NOT_NAMESPACED.contains(command);
    }

    /** The value of the last --ns before "--", or null when there is none (or it has no value: picocli says so). */
    static String value(String... args) {
        String value = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                break;
            }
            if (arg.equals("--ns") && i + 1 < args.length) {
                value = args[++i];
            } else if (arg.startsWith("--ns=")) {
                value = arg.substring("--ns=".length());
            }
        }
        return value;
    }

    /**
     * Opens and checks the namespace, then runs the line on a new thread that entered it; a bad value, or one the
     * kernel refuses, is one line on err with nothing run.
     */
    static int run(PrintWriter out, PrintWriter err, String value, String[] args,
                   ToIntFunction<NamespaceTarget> line) {
        String command = command(args);
        try {
            if (command != null && NOT_NAMESPACED.contains(command)) {
                throw IpcException.usage("--ns does not apply to " + command + (command.equals("ns")
                        ? ": it lists every namespace ('ipc ls --ns " + value + "' lists one)"
                        : ": it uses no object of an IPC namespace"));
            }
            int usage = command != null && EXIT_1_ON_BAD_INPUT.contains(command) ? 1 : ExitCodes.USAGE;
            try (NamespaceTarget namespace = NamespaceTarget.open(value, usage)) {
                return namespace.call(() -> line.applyAsInt(namespace));
            }
        } catch (IpcException e) {
            boolean debug = System.getenv("IPC_DEBUG") != null || java.util.Arrays.asList(args).contains("--debug");
            int code = new ErrorReporter(debug, new Terminal(Terminal.mode(args), System.getenv()))
                    .failed(e, out, err);
            out.flush();
            err.flush();
            return code;
        }
    }

    /** The first argument that is not an option (nor --color's or --ns's value): the command. */
    private static String command(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--color") || arg.equals("--ns")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return arg;
            }
        }
        return null;
    }
}

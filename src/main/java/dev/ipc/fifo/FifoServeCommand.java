// ipc fifo serve: the documents' FIFO server, as a service to trust: private folder, checked reply FIFOs,
// nothing a client does can block it, one log line per event, a clean stop on SIGINT and SIGTERM.
package dev.ipc.fifo;

import dev.ipc.cli.Durations;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.libc.Native;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = {
                "Serve requests on DIR/server.fifo, replies on DIR/client.PID.fifo.",
                "",
                "A request is one line, '<pid> <verb> [argument]', of at most 4096 bytes",
                "written with one write(). Verbs:",
                "  seq [N]      the first of N numbers reserved for the client (N: 1 to 10^9)",
                "  echo TEXT    TEXT",
                "  upper TEXT   TEXT in upper case",
                "  ping         pong",
                "  stats        requests, clients, errors, dropped replies, uptime",
                "Anything else gets 'ERR <reason>'.",
                ""},
        footer = {"",
                "A reply FIFO that is missing, not read, full, a symbolic link, not a FIFO or not the client "
                        + "user's is never followed, written or waited on: the reply is dropped and logged.",
                "SIGINT and SIGTERM finish the requests in hand, remove server.fifo and exit 0.",
                "",
                "Exit status: 0 when stopped by a signal, --requests or --idle-timeout; 1 on failure "
                        + "(another server runs on DIR, DIR is not safe, server.fifo was removed); 2 on bad usage."})
public final class FifoServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "The server's folder (default $XDG_RUNTIME_DIR/ipc-fifo, else /tmp/ipc-fifo-UID).")
    Path directory;

    @Option(names = "--shared",
            description = "Serve the users of the folder's group: DIR mode 3730, server.fifo 0620; needs --dir.")
    boolean shared;

    @ArgGroup(exclusive = true)
    Verbosity verbosity = new Verbosity();

    static final class Verbosity {
        @Option(names = {"-q", "--quiet"}, description = "Log only problems (bad requests, dropped replies).")
        boolean quiet;

        @Option(names = {"-v", "--verbose"}, description = "Log every request and its reply as well.")
        boolean verbose;
    }

    @Option(names = "--requests", paramLabel = "N", description = "Stop after answering N requests.")
    Long requests;

    @Option(names = "--idle-timeout", paramLabel = "DURATION",
            description = "Stop after DURATION without requests, more than 0. " + Durations.HELP)
    String idleTimeout;

    @Option(names = "--diagram", description = "When it stops, print what it served as a Mermaid sequence "
            + "diagram: the server, server.fifo and each client's FIFO, an arrow per request read and reply "
            + "written, in order. Every request is kept until then: for short runs.")
    boolean diagram;

    /** A stop asked for by a signal, kept until the server exists and then passed on to it. */
    private static final class StopRequest {
        private volatile String early;
        private volatile FifoServer server;

        void request(String reason) {
            if (early == null) {
                early = reason;
            }
            FifoServer target = server;
            if (target != null) {
                target.stop(reason);
            }
        }

        /** Either this sees a reason given before, or request() sees the server: both are volatile. */
        void forwardTo(FifoServer target) {
            server = target;
            String reason = early;
            if (reason != null) {
                target.stop(reason);
            }
        }
    }

    @Override
    public Integer call() {
        if (requests != null && requests < 1) {
            throw IpcException.usage("invalid --requests '" + requests + "': expected a number of at least 1");
        }
        long idleNanos = idleTimeout == null ? 0 : Durations.positiveNanos("--idle-timeout", idleTimeout);
        if (shared && directory == null) {
            throw IpcException.usage("--shared needs --dir DIR, a folder the group's users can reach "
                    + "(the default folder is private to you)");
        }
        ServerLog log = new ServerLog(spec.commandLine().getErr(), verbosity.quiet ? ServerLog.Level.QUIET
                : verbosity.verbose ? ServerLog.Level.VERBOSE : ServerLog.Level.NORMAL);
        Path dir = FifoProtocol.directory(directory, RunContext.of(spec).environment());
        // Handlers first: a signal during start-up must also end in a clean stop, never half made.
        StopRequest stop = new StopRequest();
        try (StopSignals signals = StopSignals.install(stop::request);
             FifoDirectory folder = FifoDirectory.forServer(dir, shared)) {
            if (!folder.tryLock()) {
                throw IpcException.failure("a server is already running on " + folder.describe(FifoProtocol.SERVER_FIFO)
                        + " (it holds the lock on " + dir + ")");
            }
            int mode = shared ? FifoProtocol.SHARED_FIFO_MODE : FifoProtocol.PRIVATE_FIFO_MODE;
            try (RequestFifo fifo = RequestFifo.create(folder, mode, log);
                 ReplyChannels replies = new ReplyChannels(folder, shared, log)) {
                FifoServer server = new FifoServer(fifo, replies, log, requests == null ? 0 : requests);
                ServeDiagram drawing = diagram
                        ? new ServeDiagram(folder, fifo.path(), Native.libc().getpid(), mode) : null;
                if (drawing != null) {
                    server.draw(drawing);
                }
                log.event("listening on " + fifo.path() + " (pid " + Native.libc().getpid() + ", "
                        + (shared ? "shared with the group of " + dir : "private to uid "
                        + Integer.toUnsignedString(Native.libc().geteuid())) + ")");
                FifoServer.Stop stopped;
                try (Housekeeper housekeeper = Housekeeper.start(server, idleNanos)) {
                    stop.forwardTo(server);
                    stopped = server.serve();
                }
                log.flushSuppressed();
                if (drawing != null) {
                    drawing.print(spec.commandLine().getOut(), stopped.reason(), server.stats());
                }
                if (stopped.failure()) {
                    throw IpcException.failure(stopped.reason() + "; stopped after " + server.stats());
                }
                log.event("stopping (" + stopped.reason() + "): " + server.stats());
            }
        }
        return ExitCodes.OK;
    }
}

// The `ipc fifo` group: it only lists its subcommands.
package dev.ipc.fifo;

import dev.ipc.cli.CommandGroup;
import picocli.CommandLine.Model.CommandSpec;

public final class FifoCommand implements CommandGroup.Members {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "The client/server FIFO design: a server, a client and a benchmark.";

    private FifoCommand() {
    }

    /** The group, whose members are made only when named (see {@link CommandGroup}). */
    public static CommandSpec spec() {
        return CommandGroup.spec("fifo",
                SUMMARY,
                new FifoCommand(), "serve", "send", "bench");
    }

    @Override
    public Object create(String name) {
        switch (name) {
            case "serve":
                return new FifoServeCommand();
            case "send":
                return FifoSendCommand.spec();
            case "bench":
                return new FifoBenchCommand();
            default:
                return null;
        }
    }
}

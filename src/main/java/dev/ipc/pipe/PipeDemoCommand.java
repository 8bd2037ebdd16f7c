// The `ipc pipe-demo` group: it only lists its subcommands.
package dev.ipc.pipe;

import dev.ipc.cli.CommandGroup;
import picocli.CommandLine.Model.CommandSpec;

public final class PipeDemoCommand implements CommandGroup.Members {
    /** The group's name on the command line. */
    public static final String NAME = "pipe-demo";
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "The reference documents' pipe examples and the kernel's pipe rules, run "
            + "with the real system calls and shown step by step (--trace shows each call).";

    private PipeDemoCommand() {
    }

    /** The group, whose members are made only when named (see {@link CommandGroup}). */
    public static CommandSpec spec() {
        return CommandGroup.spec(NAME,
                SUMMARY,
                new PipeDemoCommand(), "hello", "pipeline", "popen", "capacity", "nonblock", "eof", "sigpipe",
                "atomic");
    }

    @Override
    public Object create(String name) {
        switch (name) {
            case "hello":
                return PipeHelloCommand.spec();
            case "pipeline":
                return new PipePipelineCommand();
            case "popen":
                return new PipePopenCommand();
            case "capacity":
                return new PipeCapacityCommand();
            case "nonblock":
                return new PipeNonblockCommand();
            case "eof":
                return new PipeEofCommand();
            case "sigpipe":
                return new PipeSigpipeCommand();
            case "atomic":
                return new PipeAtomicCommand();
            default:
                return null;
        }
    }
}

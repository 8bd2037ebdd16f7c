// The `ipc pipe-demo` group: it only lists its subcommands.
package dev.ipc.pipe;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "pipe-demo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "The reference documents' pipe examples and the kernel's pipe rules, run with the real "
                + "system calls and shown step by step (--trace shows each call).",
        subcommands = {PipeHelloCommand.class, PipePipelineCommand.class, PipePopenCommand.class,
                PipeCapacityCommand.class, PipeNonblockCommand.class, PipeEofCommand.class, PipeSigpipeCommand.class,
                PipeAtomicCommand.class})
public final class PipeDemoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no pipe-demo command given");
    }
}

// The `ipc fifo` group: it only lists its subcommands.
package dev.ipc.fifo;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "fifo",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "The client/server FIFO design: a server, a client and a benchmark.",
        subcommands = {FifoServeCommand.class, FifoSendCommand.class, FifoBenchCommand.class})
public final class FifoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no fifo command given");
    }
}

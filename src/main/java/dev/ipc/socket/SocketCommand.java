// The `ipc socket` group: it only lists its subcommands.
package dev.ipc.socket;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "socket",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = SocketCommand.SUMMARY,
        subcommands = {SocketDemoCommand.class})
public final class SocketCommand implements Runnable {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Sockets, the last row of the documents' table of IPC mechanisms.";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no socket command given");
    }
}

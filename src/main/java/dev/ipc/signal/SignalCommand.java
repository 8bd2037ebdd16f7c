// The `ipc signal` group: it only lists its subcommands.
package dev.ipc.signal;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "signal",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = SignalCommand.SUMMARY,
        subcommands = {
                SignalDemoCommand.class
        })
public final class SignalCommand implements Runnable {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Signals: the lab demo.";

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no signal command given");
    }
}

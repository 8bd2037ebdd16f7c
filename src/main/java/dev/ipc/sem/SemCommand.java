// The `ipc sem` group: it only lists its subcommands.
package dev.ipc.sem;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;

import dev.ipc.tune.SemTuneCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "sem",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Semaphore sets: tune the kernel's limits, read and change values, run semop, and the lab demo.",
        subcommands = {
                SemTuneCommand.class,
                SemGetCommand.class,
                SemSetCommand.class,
                SemOpCommand.class,
                SemSetPermsCommand.class,
                SemDemoCommand.class
        })
public final class SemCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no sem command given");
    }
}

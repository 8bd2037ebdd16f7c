// The `ipc shm` group: it only lists its subcommands.
package dev.ipc.shm;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;

import dev.ipc.tune.ShmTuneCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "shm",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Shared memory: tune the kernel's limits, read and write segments, and the lab demo.",
        subcommands = {
                ShmTuneCommand.class,
                ShmReadCommand.class,
                ShmWriteCommand.class,
                ShmLockCommand.class,
                ShmUnlockCommand.class,
                ShmSetPermsCommand.class,
                ShmDemoCommand.class
        })
public final class ShmCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no shm command given");
    }
}

// The `ipc msg` group: it only lists its subcommands.
package dev.ipc.msg;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.VersionProvider;

import dev.ipc.tune.MsgTuneCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

@Command(name = "msg",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "COMMAND",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = "Message queues: tune the kernel's limits, send and receive messages, and the lab demo.",
        subcommands = {
                MsgTuneCommand.class,
                MsgSendCommand.class,
                MsgRecvCommand.class,
                MsgStatCommand.class,
                MsgSetPermsCommand.class,
                MsgDemoCommand.class
        })
public final class MsgCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "no msg command given");
    }
}

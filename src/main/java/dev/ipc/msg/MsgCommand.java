// The `ipc msg` group: it only lists its subcommands.
package dev.ipc.msg;

import dev.ipc.cli.CommandGroup;
import dev.ipc.tune.MsgTuneCommand;
import picocli.CommandLine.Model.CommandSpec;

public final class MsgCommand implements CommandGroup.Members {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Message queues: tune the kernel's limits, send and receive messages, and "
            + "the lab demo.";

    private MsgCommand() {
    }

    /** The group, whose members are made only when named (see {@link CommandGroup}). */
    public static CommandSpec spec() {
        return CommandGroup.spec("msg",
                SUMMARY,
                new MsgCommand(), "tune", "send", "recv", "stat", "set-perms", "demo");
    }

    @Override
    public Object create(String name) {
        switch (name) {
            case "tune":
                return new MsgTuneCommand();
            case "send":
                return MsgSendCommand.spec();
            case "recv":
                return MsgRecvCommand.spec();
            case "stat":
                return new MsgStatCommand();
            case "set-perms":
                return new MsgSetPermsCommand();
            case "demo":
                return new MsgDemoCommand();
            default:
                return null;
        }
    }
}

// The `ipc shm` group: it only lists its subcommands.
package dev.ipc.shm;

import dev.ipc.cli.CommandGroup;
import dev.ipc.tune.ShmTuneCommand;
import picocli.CommandLine.Model.CommandSpec;

public final class ShmCommand implements CommandGroup.Members {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Shared memory: tune the kernel's limits, read and write segments, and the "
            + "lab demo.";

    private ShmCommand() {
    }

    /** The group, whose members are made only when named (see {@link CommandGroup}). */
    public static CommandSpec spec() {
        return CommandGroup.spec("shm",
                SUMMARY,
                new ShmCommand(), "tune", "read", "write", "lock", "unlock", "set-perms", "demo");
    }

    @Override
    public Object create(String name) {
        switch (name) {
            case "tune":
                return new ShmTuneCommand();
            case "read":
                return ShmReadCommand.spec();
            case "write":
                return ShmWriteCommand.spec();
            case "lock":
                return new ShmLockCommand();
            case "unlock":
                return new ShmUnlockCommand();
            case "set-perms":
                return new ShmSetPermsCommand();
            case "demo":
                return new ShmDemoCommand();
            default:
                return null;
        }
    }
}

// The `ipc sem` group: it only lists its subcommands.
package dev.ipc.sem;

import dev.ipc.cli.CommandGroup;
import dev.ipc.tune.SemTuneCommand;
import picocli.CommandLine.Model.CommandSpec;

public final class SemCommand implements CommandGroup.Members {
    /** The first line of the description: all that ipc --help lists (see CommandTree). */
    public static final String SUMMARY = "Semaphore sets: tune the kernel's limits, read and change values, run "
            + "semop, and the lab demo.";

    private SemCommand() {
    }

    /** The group, whose members are made only when named (see {@link CommandGroup}). */
    public static CommandSpec spec() {
        return CommandGroup.spec("sem",
                SUMMARY,
                new SemCommand(), "tune", "get", "set", "op", "set-perms", "demo");
    }

    @Override
    public Object create(String name) {
        switch (name) {
            case "tune":
                return new SemTuneCommand();
            case "get":
                return SemGetCommand.spec();
            case "set":
                return new SemSetCommand();
            case "op":
                return SemOpCommand.spec();
            case "set-perms":
                return new SemSetPermsCommand();
            case "demo":
                return new SemDemoCommand();
            default:
                return null;
        }
    }
}

// ipc sem set-perms: IPC_SET of a semaphore set's owner, group and mode.
package dev.ipc.sem;

import dev.ipc.cli.ExitCodes;
import dev.ipc.model.SystemVKind;
import dev.ipc.sysvcommon.SetPermsCommand;
import picocli.CommandLine.Command;

@Command(name = "set-perms",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Change a semaphore set's owner, group or mode (semctl IPC_SET).",
                "The owner, the creator or a privileged process may."},
        footer = {"", "Exit status: 0 changed; 2 bad usage; 3 no such semaphore set; 4 not allowed; 1 other failures."})
public final class SemSetPermsCommand extends SetPermsCommand {
    @Override
    protected SystemVKind kind() {
        return SystemVKind.SEMAPHORE_SET;
    }
}

// ipc shm set-perms: IPC_SET of a shared memory segment's owner, group and mode.
package dev.ipc.shm;

import dev.ipc.cli.ExitCodes;
import dev.ipc.model.SystemVKind;
import dev.ipc.sysvcommon.SetPermsCommand;
import picocli.CommandLine.Command;

@Command(name = "set-perms",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Change a shared memory segment's owner, group or mode (shmctl IPC_SET).",
                "The owner, the creator or a privileged process may."},
        footer = {"", "Exit status: 0 changed; 2 bad usage; 3 no such shared memory segment; 4 not allowed; 1 other failures."})
public final class ShmSetPermsCommand extends SetPermsCommand {
    @Override
    protected SystemVKind kind() {
        return SystemVKind.SEGMENT;
    }
}

// ipc shm unlock: SHM_UNLOCK, which lets a locked segment's pages be swapped out again.
package dev.ipc.shm;

import dev.ipc.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "unlock",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = {"Unlock a shared memory segment (shmctl SHM_UNLOCK); allowed as for 'ipc shm lock'."},
        footer = {"", "Exit status: 0 unlocked; 2 bad usage; 3 no such segment; 4 not allowed; 1 other failures."})
public final class ShmUnlockCommand extends SegmentLockCommand {
    @Override
    boolean lock() {
        return false;
    }
}

// ipc shm lock: SHM_LOCK, which keeps a segment's pages in memory (never swapped out).
package dev.ipc.shm;

import dev.ipc.cli.ExitCodes;
import picocli.CommandLine.Command;

@Command(name = "lock",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        description = {"Lock a shared memory segment in memory (SHM_LOCK).",
                "Its pages are never swapped "
                + "out, and 'ipc ls -m' shows it 'locked'. The kernel allows it to a process with CAP_IPC_LOCK, or "
                + "to the segment's owner or creator within its RLIMIT_MEMLOCK ('ulimit -l')."},
        footer = {"", "Exit status: 0 locked; 2 bad usage; 3 no such segment; 4 not allowed (no privilege, or "
                + "over RLIMIT_MEMLOCK); 1 other failures."})
public final class ShmLockCommand extends SegmentLockCommand {
    @Override
    boolean lock() {
        return true;
    }
}

// ipc shm lock and unlock: SHM_LOCK and SHM_UNLOCK, with the kernel's refusals said in words.
package dev.ipc.shm;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.Errno;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SharedMemoryCalls;
import dev.ipc.sysvcommon.Failures;
import dev.ipc.sysvcommon.IdOrKey;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/**
 * Without CAP_IPC_LOCK the kernel lets only the segment's owner or creator lock or unlock it, and locking then
 * also needs a non-zero RLIMIT_MEMLOCK, within which the segment's size must fit.
 */
abstract class SegmentLockCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    IdOrKey target;

    /** True for SHM_LOCK, false for SHM_UNLOCK. */
    abstract boolean lock();

    @Override
    public Integer call() {
        target.validate();
        int id = target.resolve(SystemVKind.SEGMENT);
        String verb = lock() ? "lock" : "unlock";
        try {
            if (lock()) {
                SharedMemoryCalls.lock(id);
            } else {
                SharedMemoryCalls.unlock(id);
            }
        } catch (NativeCallException e) {
            if (e.errno() == Errno.EPERM) {
                throw new IpcException("permission denied: cannot " + verb + " shared memory segment " + id
                        + ": SHM_" + (lock() ? "LOCK" : "UNLOCK") + " needs CAP_IPC_LOCK, or to be the segment's "
                        + "owner or creator" + (lock() ? " with a non-zero RLIMIT_MEMLOCK (ulimit -l)" : ""),
                        ExitCodes.PERMISSION_DENIED);
            }
            if (e.errno() == Errno.ENOMEM) {
                throw new IpcException("permission denied: cannot lock shared memory segment " + id + ": its size "
                        + "would take this user over RLIMIT_MEMLOCK (ulimit -l), and without CAP_IPC_LOCK that "
                        + "limit holds", ExitCodes.PERMISSION_DENIED);
            }
            throw Failures.of(e, SystemVKind.SEGMENT, id, verb);
        }
        return ExitCodes.OK;
    }
}

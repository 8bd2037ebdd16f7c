// ipc msg set-perms: IPC_SET of a message queue's owner, group and mode.
package dev.ipc.msg;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.Errno;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.sysvcommon.SetPermsCommand;
import picocli.CommandLine.Command;

import java.util.Optional;

@Command(name = "set-perms",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Change a message queue's owner, group or mode (msgctl IPC_SET).",
                "The owner, the creator or a privileged process may."},
        footer = {"", "Exit status: 0 changed; 2 bad usage; 3 no such queue; 4 not allowed; 1 other failures.",
                "", "Example:", "  ipc msg set-perms --key 0x1234 --owner alice --mode 0620"})
public final class MsgSetPermsCommand extends SetPermsCommand {
    @Override
    protected SystemVKind kind() {
        return SystemVKind.QUEUE;
    }

    /**
     * IPC_SET also sets msg_qbytes, which a process without CAP_SYS_RESOURCE may not raise above msgmnb. Given back
     * unchanged, it still counts as raised when msgmnb was lowered after the queue was made.
     */
    @Override
    protected IpcException explain(NativeCallException e, int id) {
        if (e.errno() != Errno.EPERM) {
            return null;
        }
        Optional<MessageQueue> queue = SystemVCalls.messageQueue(id);
        long msgmnb = SystemVCalls.limits().messages().maxQueueBytes();
        if (queue.isPresent() && queue.get().maxBytes().orElse(0) > msgmnb) {
            return new IpcException("permission denied: message queue " + id + " holds up to "
                    + queue.get().maxBytes().getAsLong() + " bytes (qbytes), more than msgmnb (" + msgmnb
                    + "), and msgctl(IPC_SET), which always sets qbytes too, then needs CAP_SYS_RESOURCE",
                    ExitCodes.PERMISSION_DENIED);
        }
        return null;
    }
}

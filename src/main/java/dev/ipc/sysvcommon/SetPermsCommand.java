// ipc msg|sem|shm set-perms: IPC_SET of an object's owner, group and permission bits.
package dev.ipc.sysvcommon;

import dev.ipc.cli.Accounts;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVLifecycle;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * The kernel lets the owner, the creator or a process with CAP_SYS_ADMIN change these; the other fields of the
 * structure are read with IPC_STAT first and given back as they were.
 */
public abstract class SetPermsCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    IdOrKey target;

    @Option(names = "--owner", paramLabel = "USER", description = "The new owner: a user name or a uid.")
    String owner;

    @Option(names = "--group", paramLabel = "GROUP", description = "The new group: a group name or a gid.")
    String group;

    @Option(names = "--mode", paramLabel = "MODE", description = "The new permission bits, in octal (e.g. 0640).")
    String mode;

    /** The kind of object this command changes. */
    protected abstract SystemVKind kind();

    /** A clearer message for a refusal particular to this kind, or null. */
    protected IpcException explain(NativeCallException e, int id) {
        return null;
    }

    @Override
    public Integer call() {
        if (owner == null && group == null && mode == null) {
            throw IpcException.usage("nothing to change: give --owner, --group or --mode");
        }
        OptionalInt permissions = mode == null ? OptionalInt.empty() : OptionalInt.of(parseMode(mode));
        OptionalLong uid = owner == null ? OptionalLong.empty() : OptionalLong.of(Accounts.uid("--owner", owner));
        OptionalLong gid = group == null ? OptionalLong.empty() : OptionalLong.of(Accounts.gid("--group", group));
        target.validate();

        SystemVKind kind = kind();
        int id = target.resolve(kind);
        try {
            SystemVLifecycle.changeOwnership(kind, id, uid, gid, permissions);
        } catch (NativeCallException e) {
            IpcException particular = explain(e, id);
            throw particular != null ? particular : Failures.of(e, kind, id, "change the owner or mode of");
        }
        return ExitCodes.OK;
    }

    private static int parseMode(String text) {
        if (!text.matches("[0-7]{1,4}") || Integer.parseInt(text, 8) > 0777) {
            throw IpcException.usage("invalid --mode '" + text + "': give permission bits in octal, 0 to 0777");
        }
        return Integer.parseInt(text, 8);
    }
}

// The --id / --key options that name the one queue, semaphore set or segment a command works on.
package dev.ipc.sysv;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.OptionValues;
import dev.ipc.model.SystemVKind;
import dev.ipc.render.TextBuffer;
import dev.ipc.sys.Errno;
import dev.ipc.sys.NativeCallException;
import dev.ipc.sys.SystemVLifecycle;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

public final class IdOrKey {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Selector selector;

    static final class Selector {
        @Option(names = "--id", paramLabel = "ID", description = "The object's id, as ipc ls shows it.")
        String id;

        @Option(names = "--key", paramLabel = "KEY", description = "The object's key: decimal, 0x hex or 0 octal.")
        String key;
    }

    /** Checks the option's value, so that a bad one is reported before anything is done. */
    public void validate() {
        if (selector.id != null) {
            OptionValues.id(selector.id, "--id");
            return;
        }
        if (OptionValues.key(selector.key, "--key") == 0) {
            throw IpcException.usage("--key " + selector.key
                    + " is IPC_PRIVATE, which names no object: give the object's --id instead");
        }
    }

    /** The id of the object named: by --id as given, by --key through the get call (NOT_FOUND when none). */
    public int resolve(SystemVKind kind) {
        validate();
        if (selector.id != null) {
            return OptionValues.id(selector.id, "--id");
        }
        int key = OptionValues.key(selector.key, "--key");
        try {
            return SystemVLifecycle.lookup(kind, key);
        } catch (NativeCallException e) {
            if (e.errno() == Errno.ENOENT) {
                throw new IpcException("no " + kind.noun() + " with key " + TextBuffer.formatKey(key), ExitCodes.NOT_FOUND);
            }
            throw Failures.of(e, kind, -1, "look up");
        }
    }
}

// The --id / --key options that name the one queue, semaphore set or segment a command works on.
package dev.ipc.sysvcommon;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.OptionValues;
import dev.ipc.cli.ParsedLine;
import dev.ipc.model.SystemVKind;
import dev.ipc.render.TextBuffer;
import dev.ipc.libc.Errno;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVLifecycle;
import dev.ipc.cli.CommandSpecs;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

public final class IdOrKey {
    private static final String ID_HELP = "The object's id, as ipc ls shows it.";
    private static final String KEY_HELP = "The object's key: decimal, 0x hex or 0 octal.";

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selector selector;

    static final class Selector {
        @Option(names = "--id", paramLabel = "ID", description = ID_HELP)
        String id;

        @Option(names = "--key", paramLabel = "KEY", description = KEY_HELP)
        String key;
    }

    /** The line of a command built in code, which holds the values; null for an annotated command's mixin. */
    private ParsedLine line;

    /** Adds --id and --key, one of them required, to a model built in code; read after parsing. */
    public static IdOrKey addTo(CommandSpec spec) {
        spec.addArgGroup(ArgGroupSpec.builder().exclusive(true).multiplicity("1")
                .addArg(CommandSpecs.value("ID", ID_HELP, "--id"))
                .addArg(CommandSpecs.value("KEY", KEY_HELP, "--key")).build());
        return of(CommandSpecs.parsed(spec));
    }

    /** The --id or --key of a parsed line, which has exactly one of them (picocli's parse, or the fast path's). */
    public static IdOrKey of(ParsedLine line) {
        IdOrKey target = new IdOrKey();
        target.line = line;
        return target;
    }

    private String id() {
        return line == null ? selector.id : line.text("--id");
    }

    private String key() {
        return line == null ? selector.key : line.text("--key");
    }

    /** Checks the option's value, so that a bad one is reported before anything is done. */
    public void validate() {
        if (id() != null) {
            OptionValues.id(id(), "--id");
            return;
        }
        if (OptionValues.key(key(), "--key") == 0) {
            throw IpcException.usage("--key " + key()
                    + " is IPC_PRIVATE, which names no object: give the object's --id instead");
        }
    }

    /** The id of the object named: by --id as given, by --key through the get call (NOT_FOUND when none). */
    public int resolve(SystemVKind kind) {
        validate();
        if (id() != null) {
            return OptionValues.id(id(), "--id");
        }
        int key = OptionValues.key(key(), "--key");
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

// ipc sem set: one semaphore's value (SETVAL), or every value of the set at once (SETALL).
package dev.ipc.sem;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.sysvcommon.Failures;
import dev.ipc.sysvcommon.Stat;
import dev.ipc.sysvcommon.IdOrKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "set",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Set one semaphore (SETVAL), or all of a set at once (SETALL).",
                "With --num N, semaphore N is set to VALUE; otherwise give one VALUE for each semaphore of the "
                + "set. Values are 0 to SEMVMX (32767). The kernel "
                + "wakes the processes the new values let through, and forgets every process's SEM_UNDO "
                + "adjustments for the semaphores set."},
        footer = {"", "Exit status: 0 set; 2 bad usage; 3 no such set; 4 permission denied; 9 a value above "
                + "SEMVMX or --num out of range; 1 other failures.",
                "", "Examples:", "  ipc sem set --id 3 --num 0 1", "  ipc sem set --id 3 1 0 0"})
public final class SemSetCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    IdOrKey target;

    @Option(names = "--num", paramLabel = "N", description = "Set only semaphore N (0 is the first).")
    String num;

    @Parameters(arity = "1..*", paramLabel = "VALUE", description = "The new value(s).")
    List<String> values;

    @Override
    public Integer call() {
        int number = num == null ? -1 : SemaphoreNumbers.parse(num, "--num");
        if (number >= 0 && values.size() != 1) {
            throw IpcException.usage("--num " + num + " takes one VALUE, not " + values.size());
        }
        int[] parsed = values.stream().mapToInt(SemaphoreNumbers::value).toArray();
        target.validate();

        int id = target.resolve(SystemVKind.SEMAPHORE_SET);
        SemaphoreSet set = Stat.semaphoreSet(id, "set");
        if (number >= 0) {
            SemaphoreNumbers.check(number, set);
        } else if (parsed.length != set.count()) {
            throw IpcException.usage("semaphore set " + id + " has " + set.count() + " semaphore"
                    + (set.count() == 1 ? "" : "s") + ": give " + set.count() + " values, not " + parsed.length
                    + " (or --num N VALUE)");
        }
        try {
            if (number >= 0) {
                SemaphoreCalls.setValue(id, number, parsed[0]);
            } else {
                SemaphoreCalls.setValues(id, parsed);
            }
        } catch (NativeCallException e) {
            throw Failures.of(e, SystemVKind.SEMAPHORE_SET, id, "set");
        }
        return ExitCodes.OK;
    }
}

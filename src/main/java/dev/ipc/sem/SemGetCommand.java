// ipc sem get: the values of a semaphore set (GETALL), or of one semaphore (GETVAL).
package dev.ipc.sem;

import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.Json;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SystemVKind;
import dev.ipc.sys.NativeCallException;
import dev.ipc.sys.SemaphoreCalls;
import dev.ipc.sysv.Failures;
import dev.ipc.sysv.Stat;
import dev.ipc.sysv.IdOrKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "get",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Print the values of a semaphore set (GETALL), or of one semaphore (GETVAL).",
                "The values are read in one atomic GETALL and printed on one line, separated by spaces, so that "
                + "'ipc sem set' takes them back as they are; with --num, the one value. --json adds "
                + "each semaphore's waiters (ncount, zcount) and the pid of the last operation."},
        footer = {"", "Exit status: 0 shown; 2 bad usage; 3 no such set; 4 permission denied; 9 --num out of "
                + "range; 1 other failures."})
public final class SemGetCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Spec
    CommandSpec spec;

    @Mixin
    IdOrKey target;

    @Option(names = "--num", paramLabel = "N", description = "Only semaphore N (0 is the first).")
    String num;

    @Option(names = "--json", description = "Print a JSON object with each semaphore's value, ncount, zcount "
            + "and pid.")
    boolean json;

    @Override
    public Integer call() {
        int number = num == null ? -1 : SemaphoreNumbers.parse(num, "--num");
        target.validate();
        int id = target.resolve(SystemVKind.SEMAPHORE_SET);
        SemaphoreSet set = Stat.semaphoreSet(id, "read");
        if (number >= 0) {
            SemaphoreNumbers.check(number, set);
        }
        int first = Math.max(number, 0);
        int last = number >= 0 ? number : set.count() - 1;
        PrintWriter out = spec.commandLine().getOut();
        try {
            int[] values = SemaphoreCalls.values(id, set.count());
            if (!json) {
                StringBuilder line = new StringBuilder();
                for (int i = first; i <= last; i++) {
                    line.append(i > first ? " " : "").append(values[i]);
                }
                out.println(line);
                return ExitCodes.OK;
            }
            Json.write(out, g -> {
                g.writeStartObject();
                g.writeNumberField("semid", id);
                g.writeNumberField("nsems", set.count());
                g.writeArrayFieldStart("semaphores");
                for (int i = first; i <= last; i++) {
                    g.writeStartObject();
                    g.writeNumberField("semnum", i);
                    g.writeNumberField("value", values[i]);
                    g.writeNumberField("ncount", SemaphoreCalls.waitingForIncrease(id, i));
                    g.writeNumberField("zcount", SemaphoreCalls.waitingForZero(id, i));
                    g.writeNumberField("pid", SemaphoreCalls.lastPid(id, i));
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeEndObject();
            });
        } catch (NativeCallException e) {
            throw Failures.of(e, SystemVKind.SEMAPHORE_SET, id, "read");
        }
        return ExitCodes.OK;
    }
}

// ipc sem get: the values of a semaphore set (GETALL), or of one semaphore (GETVAL).
package dev.ipc.sem;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.Json;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.model.Semaphore;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.render.JsonFields;
import dev.ipc.sysvcommon.Failures;
import dev.ipc.sysvcommon.Stat;
import dev.ipc.sysvcommon.IdOrKey;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

public final class SemGetCommand implements Callable<Integer> {
    private CommandSpec spec;

    private SemGetCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        SemGetCommand command = new SemGetCommand();
        CommandSpec spec = command.spec = CommandSpecs.leaf(command, "get");
        IdOrKey.addTo(spec);
        spec.usageMessage()
                .description("Print the values of a semaphore set (GETALL), or of one semaphore (GETVAL).",
                        "The values are read in one atomic GETALL and printed on one line, separated by spaces, so "
                                + "that 'ipc sem set' takes them back as they are; with --num, the one value. --json "
                                + "adds each semaphore's waiters (ncount, zcount) and the pid of the last operation "
                                + "as \"elements\", as 'ipc ls -s -i ID --json' does (schema docs/schema/sem-get.json).")
                .footer("", "Exit status: 0 shown; 2 bad usage; 3 no such set; 4 permission denied; 9 --num out of "
                        + "range; 1 other failures.");
        spec.addOption(CommandSpecs.value("N", "Only semaphore N (0 is the first).", "--num"));
        spec.addOption(CommandSpecs.flag("Print a JSON object with each semaphore's value, ncount, zcount and pid.",
                "--json"));
        return spec;
    }

    @Override
    public Integer call() {
        return run(CommandSpecs.parsed(spec), RunContext.of(spec));
    }

    /** The command on its parsed line: picocli's, or the start-up fast path's. */
    public static int run(ParsedLine line, RunContext context) {
        String num = line.text("--num");
        boolean json = line.given("--json");
        int number = num == null ? -1 : SemaphoreNumbers.parse(num, "--num");
        IdOrKey target = IdOrKey.of(line);
        target.validate();
        int id = target.resolve(SystemVKind.SEMAPHORE_SET);
        SemaphoreSet set = Stat.semaphoreSet(id, "read");
        if (number >= 0) {
            SemaphoreNumbers.check(number, set);
        }
        int first = Math.max(number, 0);
        int last = number >= 0 ? number : set.count() - 1;
        PrintWriter out = context.out();
        try {
            int[] values = SemaphoreCalls.values(id, set.count());
            if (!json) {
                StringBuilder text = new StringBuilder();
                for (int i = first; i <= last; i++) {
                    text.append(i > first ? " " : "").append(values[i]);
                }
                out.println(text);
                return ExitCodes.OK;
            }
            Json.write(out, g -> {
                g.writeStartObject();
                g.writeNumberField("id", id);
                JsonFields.key(g, set.key());
                g.writeNumberField("nsems", set.count());
                g.writeArrayFieldStart("elements");
                for (int i = first; i <= last; i++) {
                    JsonFields.element(g, new Semaphore(i, values[i], SemaphoreCalls.waitingForIncrease(id, i),
                            SemaphoreCalls.waitingForZero(id, i), SemaphoreCalls.lastPid(id, i)));
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

// ipc sem op: one semop (or semtimedop) of several operations, applied all at once or not at all.
package dev.ipc.sem;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Durations;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.model.SemaphoreSet;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.Errno;
import dev.ipc.libc.IpcConstants;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SemaphoreCalls;
import dev.ipc.libc.SemaphoreOperations;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.sysvcommon.Failures;
import dev.ipc.sysvcommon.IdOrKey;
import dev.ipc.sysvcommon.Stat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

public final class SemOpCommand implements Callable<Integer> {
    private CommandSpec spec;
    private RunContext context;
    private IdOrKey target;
    private boolean undo;
    private boolean nowait;
    private String timeout;
    private String hold;
    private List<String> operations;

    private List<SemaphoreOperation> ops;

    private SemOpCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        SemOpCommand command = new SemOpCommand();
        CommandSpec spec = command.spec = CommandSpecs.leaf(command, "op");
        spec.usageMessage()
                .description("Run one semop of several operations, applied all at once or not at all.",
                        "The operations are written SEMNUM:VALUE:",
                        "  0:-1   wait until semaphore 0 is at least 1, then take 1 (P, wait)",
                        "  1:+1   add 1 to semaphore 1, waking waiters (V, signal)",
                        "  2:0    wait until semaphore 2 is 0",
                        "The kernel applies all of them at once, or none: the call waits until every one can go ahead. "
                        + "While it waits, 'ipc ls -s -i ID' shows it in ncount (waiting to take) or zcount "
                        + "(waiting for zero).")
                .footer("", "Exit status: 0 done; 2 bad usage; 3 no such set; 4 permission denied; 5 it would have to "
                        + "wait and --nowait was given; 6 --timeout passed; 7 the set was removed while waiting; 9 a "
                        + "semaphore number, value or the number of operations out of range; 1 other failures. Unless it "
                        + "exits 0, nothing was changed.",
                        "", "Examples:",
                        "  ipc sem op --id 3 0:-1                     P(sem 0)",
                        "  ipc sem op --id 3 0:-1 1:-1                take both, atomically",
                        "  ipc sem op --key 0x1234 --timeout 2s 0:0   wait up to 2 s for sem 0 to be 0",
                        "  ipc sem op --id 3 --undo --hold 10s 0:-1   hold sem 0 for 10 s, then the kernel undoes");
        IdOrKey.addTo(spec);
        spec.addOption(CommandSpecs.flag("SEM_UNDO: the kernel reverses the operations when this process exits, "
                + "which is at once unless --hold keeps it.", "--undo"));
        spec.addOption(CommandSpecs.flag("IPC_NOWAIT: fail at once instead of waiting.", "--nowait"));
        spec.addOption(CommandSpecs.value("DURATION", "Wait at most DURATION (semtimedop); 0: do not wait. "
                + Durations.HELP, "--timeout"));
        spec.addOption(CommandSpecs.value("DURATION", "After the operations, stay for DURATION before exiting (with "
                + "--undo: hold them); 0: do not stay. " + Durations.HELP, "--hold"));
        spec.addPositional(PositionalParamSpec.builder().arity("1..*").required(true).type(List.class)
                .auxiliaryTypes(String.class).paramLabel("SEMNUM:VALUE").description("The operations.").build());
        return spec;
    }

    @Override
    public Integer call() throws InterruptedException {
        return execute(CommandSpecs.parsed(spec), RunContext.of(spec));
    }

    /** The command on its parsed line: picocli's, or the start-up fast path's. */
    public static int run(ParsedLine line, RunContext context) throws InterruptedException {
        return new SemOpCommand().execute(line, context);
    }

    private int execute(ParsedLine line, RunContext context) throws InterruptedException {
        this.context = context;
        target = IdOrKey.of(line);
        undo = line.given("--undo");
        nowait = line.given("--nowait");
        timeout = line.text("--timeout");
        hold = line.text("--hold");
        operations = line.positional(0);
        ops = new ArrayList<>();
        for (String text : operations) {
            ops.add(SemaphoreOperation.parse(text));
        }
        if (nowait && timeout != null) {
            throw IpcException.usage("--nowait and --timeout exclude each other");
        }
        long waitNanos = timeout == null ? -1 : Durations.nanos("--timeout", timeout);
        long holdNanos = hold == null ? 0 : Durations.nanos("--hold", hold);
        target.validate();

        int id = target.resolve(SystemVKind.SEMAPHORE_SET);
        SemaphoreSet set = Stat.semaphoreSet(id, "operate on");
        for (SemaphoreOperation op : ops) {
            SemaphoreNumbers.check(op.number(), set);
        }
        int most = (int) SystemVCalls.limits().semaphores().maxOpsPerCall();
        if (ops.size() > most) {
            throw new IpcException(ops.size() + " operations are too many for one semop: the kernel takes at "
                    + "most SEMOPM (" + most + ")", ExitCodes.OUT_OF_RANGE);
        }
        int flags = (undo ? IpcConstants.SEM_UNDO : 0) | (nowait ? IpcConstants.IPC_NOWAIT : 0);
        // loops, not streams: their lambdas would be linked at start-up, for a few operations
        int[] numbers = new int[ops.size()];
        int[] values = new int[ops.size()];
        int[] flagsEach = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            numbers[i] = ops.get(i).number();
            values[i] = ops.get(i).value();
            flagsEach[i] = flags;
        }
        SemaphoreOperations call = new SemaphoreOperations(numbers, values, flagsEach);
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            try {
                if (waitNanos < 0) {
                    call.apply(id);
                } else {
                    call.apply(id, Math.max(0, deadline - System.nanoTime()));
                }
                break;
            } catch (NativeCallException e) {
                if (e.errno() != Errno.EINTR) {
                    throw explain(e, id, set);
                }
                // a signal handler ran: semop is never restarted by the kernel, so try again
            }
        }
        if (holdNanos > 0) {
            Thread.sleep(holdNanos / 1_000_000, (int) (holdNanos % 1_000_000));
        }
        return ExitCodes.OK;
    }

    private IpcException explain(NativeCallException e, int id, SemaphoreSet set) {
        String what = "semop " + ops.stream().map(SemaphoreOperation::toString).collect(Collectors.joining(" "))
                + " on semaphore set " + id;
        return switch (e.errno()) {
            case Errno.EAGAIN -> nowait
                    ? new IpcException(what + " would have to wait" + blockers(id, set) + " (--nowait)",
                    ExitCodes.WOULD_BLOCK)
                    : new IpcException("timed out after " + timeout + ": " + what + " could not go ahead"
                    + blockers(id, set) + "; nothing was changed", ExitCodes.TIMED_OUT);
            case Errno.ERANGE -> new IpcException(what + " would raise a semaphore above SEMVMX (32767); nothing "
                    + "was changed", ExitCodes.OUT_OF_RANGE);
            case Errno.EFBIG, Errno.E2BIG -> new IpcException(what + ": " + e.getMessage(),
                    ExitCodes.OUT_OF_RANGE);
            default -> Failures.of(e, SystemVKind.SEMAPHORE_SET, id, "operate on");
        };
    }

    /** ": semaphore 0 is 0 and 0:-1 needs 1", read now, or nothing when the values cannot be read. */
    private String blockers(int id, SemaphoreSet set) {
        try {
            int[] values = SemaphoreCalls.values(id, set.count());
            String reasons = ops.stream().map(op -> op.blockedBy(values[op.number()]))
                    .filter(r -> r != null).distinct().collect(Collectors.joining("; "));
            return reasons.isEmpty() ? "" : ": " + reasons;
        } catch (NativeCallException unreadable) {
            return "";
        }
    }
}

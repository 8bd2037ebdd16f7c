// ipc msg send: msgsnd of one message, from the command line, a file or standard input.
package dev.ipc.msg;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Durations;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.Input;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.OptionValues;
import dev.ipc.model.MessageQueue;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.Errno;
import dev.ipc.libc.IpcConstants;
import dev.ipc.libc.MessageBuffer;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SystemVCalls;
import dev.ipc.libc.ThreadAlarm;
import dev.ipc.sysvcommon.Failures;
import dev.ipc.sysvcommon.IdOrKey;
import dev.ipc.sysvcommon.Stat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.concurrent.Callable;

public final class MsgSendCommand implements Callable<Integer> {
    private CommandSpec spec;
    private RunContext context;
    private IdOrKey target;
    private String type;
    private boolean nowait;
    private String timeout;
    private String file;
    private String text;

    private MsgSendCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        MsgSendCommand command = new MsgSendCommand();
        CommandSpec spec = command.spec = CommandSpecs.leaf(command, "send");
        spec.usageMessage()
                .description("Send one message to a message queue (msgsnd).",
                        "The text is TEXT, or the bytes of --file, or standard input; it is sent as it is, without a "
                        + "trailing newline unless the input has one.")
                .footer("", "Exit status: 0 sent; 2 bad usage; 3 no such queue; 4 permission denied; 5 the queue is "
                        + "full and --nowait was given; 6 --timeout passed; 7 the queue was removed while "
                        + "waiting; 8 the message is longer than msgmax or than the queue can ever hold; 1 other "
                        + "failures.",
                        "", "Example:", "  ipc msg send --key 0x1234 --type 2 'hello'");
        IdOrKey.addTo(spec);
        spec.addOption(OptionSpec.builder("--type").arity("1").type(String.class).paramLabel("N").defaultValue("1")
                .description("The message type, 1 or more (default ${DEFAULT-VALUE}); receivers select by it.")
                .build());
        spec.addOption(CommandSpecs.flag("Fail at once when the queue is full (IPC_NOWAIT) instead of waiting.",
                "--nowait"));
        spec.addOption(CommandSpecs.value("DURATION", "Wait at most DURATION for room in a full queue; 0: do not "
                + "wait. " + Durations.HELP, "--timeout"));
        spec.addOption(CommandSpecs.value("FILE", "Send the bytes of this file.", "--file"));
        spec.addPositional(PositionalParamSpec.builder().arity("0..1").type(String.class).paramLabel("TEXT")
                .description("The message text (UTF-8).").build());
        return spec;
    }

    @Override
    public Integer call() {
        return execute(CommandSpecs.parsed(spec), RunContext.of(spec));
    }

    /** The command on its parsed line: picocli's, or the start-up fast path's. */
    public static int run(ParsedLine line, RunContext context) {
        return new MsgSendCommand().execute(line, context);
    }

    private int execute(ParsedLine line, RunContext context) {
        this.context = context;
        target = IdOrKey.of(line);
        type = line.text("--type");
        nowait = line.given("--nowait");
        timeout = line.text("--timeout");
        file = line.text("--file");
        text = line.positional(0);
        long messageType = OptionValues.integer(type, "--type");
        if (messageType < 1) {
            throw IpcException.usage("--type " + type + ": a message's type must be 1 or more (msgsnd refuses "
                    + "types below 1; receivers use 0 and negative types to select)");
        }
        long waitNanos = timeout == null ? -1 : Durations.nanos("--timeout", timeout);
        if (nowait && timeout != null) {
            throw IpcException.usage("--nowait and --timeout exclude each other");
        }
        if (text != null && file != null) {
            throw IpcException.usage("give TEXT or --file, not both");
        }
        target.validate();

        int id = target.resolve(SystemVKind.QUEUE);
        MessageQueue queue = statIfReadable(id);
        long msgmax = SystemVCalls.limits().messages().maxMessageSize();
        byte[] data = Input.read(text, file, msgmax);
        if (data.length > msgmax) {
            throw new IpcException("the message is " + (text == null ? "over " + msgmax : data.length)
                    + " bytes, longer than msgmax (" + msgmax + " bytes), the largest message the kernel takes",
                    ExitCodes.TOO_BIG);
        }
        if (queue != null && queue.maxBytes().isPresent() && data.length > queue.maxBytes().getAsLong()) {
            throw new IpcException("a message of " + data.length + " bytes can never fit in message queue " + id
                    + ", whose limit (qbytes) is " + queue.maxBytes().getAsLong() + " bytes", ExitCodes.TOO_BIG);
        }
        send(id, messageType, data, waitNanos);
        return ExitCodes.OK;
    }

    private void send(int id, long messageType, byte[] data, long waitNanos) {
        MessageBuffer buffer = new MessageBuffer(data.length);
        int flags = nowait ? IpcConstants.IPC_NOWAIT : 0;
        try (ThreadAlarm alarm = waitNanos < 0 ? null : ThreadAlarm.at(System.nanoTime() + waitNanos)) {
            while (true) {
                try {
                    buffer.send(id, messageType, data, 0, data.length, flags);
                    return;
                } catch (NativeCallException e) {
                    if (e.errno() == Errno.EINTR && (alarm == null || !alarm.rang())) {
                        continue; // a signal that was not our alarm: msgsnd is never restarted by the kernel
                    }
                    throw explain(e, id, data.length);
                }
            }
        }
    }

    private IpcException explain(NativeCallException e, int id, int length) {
        return switch (e.errno()) {
            case Errno.EAGAIN -> new IpcException("message queue " + id + " is full" + fill(id) + ": the "
                    + length + "-byte message was not sent (--nowait)", ExitCodes.WOULD_BLOCK);
            case Errno.EINTR -> new IpcException("timed out after " + timeout + ": message queue " + id
                    + " stayed full" + fill(id) + "; the message was not sent", ExitCodes.TIMED_OUT);
            default -> Failures.of(e, SystemVKind.QUEUE, id, "send to");
        };
    }

    /** " (16384 of 16384 bytes in 4 messages)", or nothing when the queue cannot be read. */
    private static String fill(int id) {
        try {
            return SystemVCalls.messageQueue(id).map(q -> " (" + q.usedBytes() + " of " + q.maxBytes().orElse(0)
                    + " bytes used, in " + q.messages() + " messages)").orElse("");
        } catch (NativeCallException unreadable) {
            return "";
        }
    }

    /** msgsnd needs only write permission; IPC_STAT needs read permission, so its answer is optional here. */
    private static MessageQueue statIfReadable(int id) {
        try {
            return Stat.queue(id, "send to");
        } catch (IpcException e) {
            if (e.exitCode() == ExitCodes.PERMISSION_DENIED) {
                return null;
            }
            throw e;
        }
    }
}

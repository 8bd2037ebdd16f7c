// ipc msg recv: msgrcv with its type selection, for one message, several, or all that are there.
package dev.ipc.msg;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Sizes;
import dev.ipc.cli.Durations;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.Json;
import dev.ipc.cli.OptionValues;
import dev.ipc.cli.RawOutput;
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
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Callable;

public final class MsgRecvCommand implements Callable<Integer> {
    private CommandSpec spec;
    private RunContext context;
    private ParsedLine line;
    private IdOrKey target;
    private String type;
    private boolean except;
    private boolean nowait;
    private String count;
    private boolean all;
    private String maxSize;
    private boolean truncate;
    private String timeout;
    private boolean raw;
    private boolean json;
    private String peek;

    private long messageType;
    private int remaining;
    private int received;

    private MsgRecvCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        MsgRecvCommand command = new MsgRecvCommand();
        CommandSpec spec = command.spec = CommandSpecs.leaf(command, "recv");
        spec.usageMessage()
                .description("Receive messages from a message queue (msgrcv), selected by type.",
                        "msgrcv chooses:",
                        "  --type 0   the first message in the queue (the default)",
                        "  --type N   the first message of type N (with --except: the first whose type is not N)",
                        "  --type -N  the first message of the lowest type that is N or less",
                        "Each message is printed as its type, a tab and its text on one line. Printable UTF-8 is shown "
                        + "as it is; backslash, tab, newline and CR as \\\\ \\t \\n \\r; other control "
                        + "characters and bytes that are not UTF-8 as \\xHH. --raw writes the texts' bytes "
                        + "only; --json an array of {type, size, text} (base64 instead of text when the bytes are "
                        + "not UTF-8).")
                .footer("", "Exit status: 0 received; 2 bad usage; 3 no such queue; 4 permission denied; 5 no message "
                        + "of that type and --nowait was given (or fewer than --count); 6 --timeout passed; 7 the queue "
                        + "was removed while waiting; 8 the message is longer than --max-size (it stays in the queue); "
                        + "1 other failures. Messages received before a failure are printed first.",
                        "", "Examples:",
                        "  ipc msg recv --key 0x1234                  wait for the first message",
                        "  ipc msg recv --id 3 --type -2 --nowait     the lowest type <= 2, or exit 5 at once",
                        "  ipc msg recv --id 3 --all --json           every message now queued",
                        "  ipc msg recv --id 3 --peek 2               the third message, left in the queue");
        IdOrKey.addTo(spec);
        spec.addOption(OptionSpec.builder("--type").arity("1").type(String.class).paramLabel("TYPE")
                .defaultValue("0").description("0, N or -N, as above (default ${DEFAULT-VALUE}).").build());
        spec.addOption(CommandSpecs.flag("With --type N > 0: the first message whose type is not N (MSG_EXCEPT).",
                "--except"));
        spec.addOption(CommandSpecs.flag("Fail at once when no message matches (IPC_NOWAIT) instead of waiting.",
                "--nowait"));
        spec.addOption(CommandSpecs.value("K", "Receive K messages, waiting for each (default 1).", "--count"));
        spec.addOption(CommandSpecs.flag("Receive every matching message now in the queue, without waiting; "
                + "none is not an error.", "--all"));
        spec.addOption(CommandSpecs.value("BYTES", "The longest text to accept; a longer message is an error and "
                + "stays in the queue, unless --truncate. " + Sizes.HELP, "--max-size"));
        spec.addOption(CommandSpecs.flag("Take a longer message cut to --max-size bytes (MSG_NOERROR); the rest of "
                + "it is lost.", "--truncate"));
        spec.addOption(CommandSpecs.value("DURATION", "Wait at most DURATION in all; 0: do not wait. "
                + Durations.HELP, "--timeout"));
        spec.addOption(CommandSpecs.flag("Write only the texts' bytes, exactly, one after the other.", "--raw"));
        spec.addOption(CommandSpecs.flag("Print a JSON array of the messages.", "--json"));
        spec.addOption(OptionSpec.builder("--peek").arity("0..1").type(String.class).paramLabel("N")
                .fallbackValue("0").description("Print message number N (0: the first, the default) without taking "
                        + "it: the queue is left as it was (msgrcv MSG_COPY, which needs a kernel with "
                        + "CONFIG_CHECKPOINT_RESTORE). Never waits.").build());
        return spec;
    }

    @Override
    public Integer call() {
        return execute(CommandSpecs.parsed(spec), RunContext.of(spec));
    }

    /** The command on its parsed line: picocli's, or the start-up fast path's. */
    public static int run(ParsedLine line, RunContext context) {
        return new MsgRecvCommand().execute(line, context);
    }

    private int execute(ParsedLine line, RunContext context) {
        this.context = context;
        this.line = line;
        target = IdOrKey.of(line);
        type = line.text("--type");
        except = line.given("--except");
        nowait = line.given("--nowait");
        count = line.text("--count");
        all = line.given("--all");
        maxSize = line.text("--max-size");
        truncate = line.given("--truncate");
        timeout = line.text("--timeout");
        raw = line.given("--raw");
        json = line.given("--json");
        peek = line.text("--peek");
        if (peek != null) {
            return peek();
        }
        messageType = OptionValues.integer(type, "--type");
        if (except && messageType <= 0) {
            throw IpcException.usage("--except needs --type N with N > 0 (msgrcv ignores MSG_EXCEPT for type "
                    + messageType + ")");
        }
        if (all && count != null) {
            throw IpcException.usage("--all and --count exclude each other");
        }
        if (raw && json) {
            throw IpcException.usage("--raw and --json exclude each other");
        }
        if (timeout != null && (nowait || all)) {
            throw IpcException.usage("--timeout cannot be used with " + (nowait ? "--nowait" : "--all")
                    + ", which never waits");
        }
        remaining = count == null ? (all ? Integer.MAX_VALUE : 1)
                : (int) OptionValues.bounded(count, "--count", 1, Integer.MAX_VALUE);
        long limit = limit();
        long waitNanos = timeout == null ? -1 : Durations.nanos("--timeout", timeout);
        target.validate();

        int id = target.resolve(SystemVKind.QUEUE);
        MessageQueue queue = Stat.queue(id, "receive from");
        MessageBuffer buffer = firstBuffer(queue, limit);
        try (Sink sink = sink(); ThreadAlarm alarm = waitNanos < 0 ? null : ThreadAlarm.at(System.nanoTime() + waitNanos)) {
            while (remaining > 0) {
                boolean whole = buffer.capacity() >= limit;
                int length;
                try {
                    length = buffer.receive(id, messageType, flags(whole));
                } catch (NativeCallException e) {
                    if (e.errno() == Errno.EINTR && (alarm == null || !alarm.rang())) {
                        continue; // not our alarm: msgrcv is never restarted by the kernel
                    }
                    if (e.errno() == Errno.E2BIG && !whole) {
                        buffer = new MessageBuffer((int) Math.min(limit, 2L * buffer.capacity()));
                        continue; // longer than the usual size, but within --max-size
                    }
                    if (e.errno() == Errno.ENOMSG && all) {
                        break;
                    }
                    throw explain(e, id, limit);
                }
                sink.message(buffer.type(), buffer.text(length));
                received++;
                remaining--;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.OK;
    }

    private long limit() {
        return maxSize == null ? Integer.MAX_VALUE - 16 : Sizes.bytes("--max-size", maxSize, 0, Integer.MAX_VALUE - 16);
    }

    /** A message is at most msgmax (or the queue's limit) long when it is sent; start there, grow on E2BIG. */
    private static MessageBuffer firstBuffer(MessageQueue queue, long limit) {
        long usual = Math.max(SystemVCalls.limits().messages().maxMessageSize(), queue.maxBytes().orElse(0));
        return new MessageBuffer((int) Math.min(limit, Math.max(usual, 8192)));
    }

    private Sink sink() {
        PrintWriter out = context.out();
        return raw ? new RawSink(RawOutput.open(out)) : json ? new JsonSink(out) : new TextSink(out);
    }

    /** --peek: one msgrcv with MSG_COPY, whose msgtyp is the message's index, so no type selection with it. */
    private int peek() {
        long index = OptionValues.bounded(peek, "--peek", 0, Integer.MAX_VALUE);
        for (String other : new String[] {"--type", "--except", "--count", "--all", "--truncate", "--timeout"}) {
            if (line.matched(other)) {
                throw IpcException.usage("--peek cannot be used with " + other + " (MSG_COPY takes msgrcv's type "
                        + "as the number of the message and copies it whole, at once)");
            }
        }
        if (raw && json) {
            throw IpcException.usage("--raw and --json exclude each other");
        }
        long limit = limit();
        target.validate();

        int id = target.resolve(SystemVKind.QUEUE);
        MessageQueue queue = Stat.queue(id, "peek into");
        MessageBuffer buffer = firstBuffer(queue, limit);
        try (Sink sink = sink()) {
            while (true) {
                try {
                    int length = buffer.receive(id, index, IpcConstants.IPC_NOWAIT | IpcConstants.MSG_COPY);
                    sink.message(buffer.type(), buffer.text(length));
                    return ExitCodes.OK;
                } catch (NativeCallException e) {
                    if (e.errno() == Errno.E2BIG && buffer.capacity() < limit) {
                        buffer = new MessageBuffer((int) Math.min(limit, 2L * buffer.capacity()));
                        continue;
                    }
                    throw switch (e.errno()) {
                        case Errno.ENOSYS -> new IpcException("cannot peek: this kernel has no msgrcv MSG_COPY "
                                + "(it is built without CONFIG_CHECKPOINT_RESTORE)", ExitCodes.FAILURE);
                        case Errno.ENOMSG -> new IpcException("no message number " + index + " in message queue "
                                + id + " (it holds " + Stat.queue(id, "peek into").messages()
                                + "; the first is number 0)", ExitCodes.FAILURE);
                        case Errno.E2BIG -> new IpcException("message number " + index + " in message queue " + id
                                + " is longer than --max-size " + limit, ExitCodes.TOO_BIG);
                        default -> Failures.of(e, SystemVKind.QUEUE, id, "peek into");
                    };
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** MSG_NOERROR only once the buffer is --max-size long: a shorter one grows instead of cutting. */
    private int flags(boolean whole) {
        return (nowait || all ? IpcConstants.IPC_NOWAIT : 0) | (except ? IpcConstants.MSG_EXCEPT : 0)
                | (truncate && whole ? IpcConstants.MSG_NOERROR : 0);
    }

    private IpcException explain(NativeCallException e, int id, long limit) {
        String done = received > 0 ? " (after " + received + " message" + (received == 1 ? "" : "s") + ")" : "";
        return switch (e.errno()) {
            case Errno.ENOMSG -> new IpcException("no " + wanted() + " in message queue " + id + done
                    + " (--nowait)", ExitCodes.WOULD_BLOCK);
            case Errno.EINTR -> new IpcException("timed out after " + timeout + " waiting for a " + wanted() + " on message queue " + id + done, ExitCodes.TIMED_OUT);
            case Errno.E2BIG -> new IpcException("the next " + wanted() + " in message queue " + id
                    + " is longer than --max-size " + limit + done + "; it stays in the queue (--truncate takes "
                    + "it cut to " + limit + " bytes)", ExitCodes.TOO_BIG);
            default -> Failures.of(e, SystemVKind.QUEUE, id, "receive from");
        };
    }

    /** What the selection asks for, in the words of msgrcv(2). */
    private String wanted() {
        if (messageType == 0) {
            return "message";
        }
        if (messageType < 0) {
            return "message of type " + (messageType == Long.MIN_VALUE ? "any" : Long.toString(-messageType))
                    + " or lower";
        }
        return except ? "message of a type other than " + messageType : "message of type " + messageType;
    }

    /** Where received messages go, each as soon as it is received. */
    private interface Sink extends AutoCloseable {
        void message(long type, byte[] text) throws IOException;

        @Override
        void close() throws IOException;
    }

    private static final class TextSink implements Sink {
        private final PrintWriter out;

        TextSink(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void message(long type, byte[] text) {
            out.print(type);
            out.print('\t');
            out.print(MessageText.escape(text, text.length));
            out.print('\n');
            out.flush();
        }

        @Override
        public void close() {
            out.flush();
        }
    }

    private static final class RawSink implements Sink {
        private final OutputStream out;

        RawSink(OutputStream out) {
            this.out = out;
        }

        @Override
        public void message(long type, byte[] text) throws IOException {
            out.write(text);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    /** A JSON array that is closed also when a failure ends the command: what was received is never lost. */
    private static final class JsonSink implements Sink {
        private final PrintWriter out;
        private final JsonGenerator json;

        JsonSink(PrintWriter out) {
            this.out = out;
            this.json = Json.open(out);
            try {
                json.writeStartArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void message(long type, byte[] text) throws IOException {
            json.writeStartObject();
            json.writeNumberField("type", type);
            json.writeNumberField("size", text.length);
            if (MessageText.isUtf8(text, text.length)) {
                json.writeStringField("text", new String(text, StandardCharsets.UTF_8));
            } else {
                json.writeStringField("base64", Base64.getEncoder().encodeToString(text));
            }
            json.writeEndObject();
            json.flush();
        }

        @Override
        public void close() throws IOException {
            json.writeEndArray();
            json.close();
            out.println();
            out.flush();
        }
    }
}

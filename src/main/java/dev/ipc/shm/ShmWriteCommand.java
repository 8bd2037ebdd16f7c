// ipc shm write: bytes into a segment at an offset, through shmat and shmdt; never past its end.
package dev.ipc.shm;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Sizes;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.Input;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.OptionValues;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SharedMemoryCalls;
import dev.ipc.sysvcommon.Failures;
import dev.ipc.sysvcommon.IdOrKey;
import dev.ipc.sysvcommon.Stat;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.util.concurrent.Callable;

public final class ShmWriteCommand implements Callable<Integer> {
    private CommandSpec spec;
    private RunContext context;
    private IdOrKey target;
    private String offset;
    private String file;
    private String text;

    private ShmWriteCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        ShmWriteCommand command = new ShmWriteCommand();
        CommandSpec spec = command.spec = CommandSpecs.leaf(command, "write");
        spec.usageMessage()
                .description("Write text, a file or standard input into a shared memory segment.",
                        "Writes TEXT (UTF-8, no newline added), the bytes of --file, or "
                        + "standard input, at --offset. The data is read and checked against the segment's size first: "
                        + "what would pass the end is refused and nothing is written.")
                .footer("", "Exit status: 0 written; 2 bad usage; 3 no such segment; 4 permission denied; 9 the data "
                        + "would pass the end; 1 other failures.",
                        "", "Examples:", "  ipc shm write --id 3 'hello'",
                        "  ipc shm write --key 0x1234 --offset 4K --file data.bin");
        IdOrKey.addTo(spec);
        spec.addOption(CommandSpecs.value("BYTES", "Start this far into the segment (default 0). "
                + Sizes.HELP, "--offset"));
        spec.addOption(CommandSpecs.value("FILE", "Write the bytes of this file.", "--file"));
        spec.addPositional(PositionalParamSpec.builder().arity("0..1").type(String.class).paramLabel("TEXT")
                .description("The text to write.").build());
        return spec;
    }

    @Override
    public Integer call() {
        return execute(CommandSpecs.parsed(spec), RunContext.of(spec));
    }

    /** The command on its parsed line: picocli's, or the start-up fast path's. */
    public static int run(ParsedLine line, RunContext context) {
        return new ShmWriteCommand().execute(line, context);
    }

    private int execute(ParsedLine line, RunContext context) {
        this.context = context;
        target = IdOrKey.of(line);
        offset = line.text("--offset");
        file = line.text("--file");
        text = line.positional(0);
        long from = offset == null ? 0 : Sizes.bytes("--offset", offset, 0, Long.MAX_VALUE);
        if (text != null && file != null) {
            throw IpcException.usage("give TEXT or --file, not both");
        }
        target.validate();

        int id = target.resolve(SystemVKind.SEGMENT);
        SharedMemorySegment segment = Stat.segment(id, "write to");
        SegmentRange.check(segment, from, 0, "writing");
        long room = segment.size() - from;
        byte[] data = Input.read(text, file, room);
        if (data.length > room) {
            String size = text != null ? data.length + " bytes" : "input of more than " + room + " bytes";
            SegmentRange.check(segment, from, data.length, "writing " + size);
        }
        try (SharedMemoryCalls.Attachment memory = SharedMemoryCalls.attach(id, segment.size(), false)) {
            memory.write(from, data, 0, data.length);
        } catch (NativeCallException e) {
            throw Failures.of(e, SystemVKind.SEGMENT, id, "attach");
        }
        return ExitCodes.OK;
    }
}

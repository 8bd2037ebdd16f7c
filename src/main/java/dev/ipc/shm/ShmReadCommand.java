// ipc shm read: a segment's bytes, through shmat and shmdt, as a hex dump or raw.
package dev.ipc.shm;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.ParsedLine;
import dev.ipc.cli.RunContext;
import dev.ipc.cli.Sizes;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.OptionValues;
import dev.ipc.cli.RawOutput;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.libc.NativeCallException;
import dev.ipc.libc.SharedMemoryCalls;
import dev.ipc.sysvcommon.Failures;
import dev.ipc.sysvcommon.IdOrKey;
import dev.ipc.sysvcommon.Stat;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;

public final class ShmReadCommand implements Callable<Integer> {
    private CommandSpec spec;
    private RunContext context;
    private IdOrKey target;
    private String offset;
    private String length;
    private boolean raw;

    private static final int CHUNK = 64 * 1024;

    private ShmReadCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}). */
    public static CommandSpec spec() {
        ShmReadCommand command = new ShmReadCommand();
        CommandSpec spec = command.spec = CommandSpecs.leaf(command, "read");
        spec.usageMessage()
                .description("Read a shared memory segment, as a hex dump or raw.",
                        "Attaches it read-only (shmat), copies the bytes asked for, "
                        + "detaches (shmdt). Prints a hex dump as 'hexdump -C' does (offsets from the segment's start, '*' "
                        + "for repeated lines), or with --raw the bytes themselves.")
                .footer("", "Exit status: 0 read; 2 bad usage; 3 no such segment; 4 permission denied; 9 --offset or "
                        + "--length past the end; 1 other failures.",
                        "", "Examples:", "  ipc shm read --id 3 --length 64", "  ipc shm read --key 0x1234 --raw > copy");
        IdOrKey.addTo(spec);
        spec.addOption(CommandSpecs.value("BYTES", "Start this far into the segment (default 0). "
                + Sizes.HELP, "--offset"));
        spec.addOption(CommandSpecs.value("BYTES", "Read this many bytes (default: to the end). "
                + Sizes.HELP, "--length"));
        spec.addOption(CommandSpecs.flag("Write the bytes as they are instead of a hex dump.", "--raw"));
        return spec;
    }

    @Override
    public Integer call() {
        return execute(CommandSpecs.parsed(spec), RunContext.of(spec));
    }

    /** The command on its parsed line: picocli's, or the start-up fast path's. */
    public static int run(ParsedLine line, RunContext context) {
        return new ShmReadCommand().execute(line, context);
    }

    private int execute(ParsedLine line, RunContext context) {
        this.context = context;
        target = IdOrKey.of(line);
        offset = line.text("--offset");
        length = line.text("--length");
        raw = line.given("--raw");
        long from = offset == null ? 0 : Sizes.bytes("--offset", offset, 0, Long.MAX_VALUE);
        long count = length == null ? -1 : Sizes.bytes("--length", length, 0, Long.MAX_VALUE);
        target.validate();

        int id = target.resolve(SystemVKind.SEGMENT);
        SharedMemorySegment segment = Stat.segment(id, "read");
        if (count < 0) {
            SegmentRange.check(segment, from, 0, "reading");
            count = segment.size() - from;
        }
        SegmentRange.check(segment, from, count, "reading " + count + " bytes");
        PrintWriter out = context.out();
        SharedMemoryCalls.Attachment memory;
        try {
            memory = SharedMemoryCalls.attach(id, segment.size(), true);
        } catch (NativeCallException e) {
            throw Failures.of(e, SystemVKind.SEGMENT, id, "attach");
        }
        try (memory; OutputStream bytes = raw ? RawOutput.open(out) : null) {
            HexDump dump = raw ? null : new HexDump(out, from);
            byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(count, 1))];
            for (long done = 0; done < count; ) {
                int n = (int) Math.min(chunk.length, count - done);
                memory.read(from + done, chunk, 0, n);
                if (raw) {
                    bytes.write(chunk, 0, n);
                } else {
                    dump.write(chunk, n);
                }
                done += n;
            }
            if (dump != null) {
                dump.finish();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ExitCodes.OK;
    }
}

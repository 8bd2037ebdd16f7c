// ipc shm write: bytes into a segment at an offset, through shmat and shmdt; never past its end.
package dev.ipc.shm;

import dev.ipc.cli.Sizes;
import dev.ipc.cli.ExitCodes;
import dev.ipc.cli.HelpOption;
import dev.ipc.cli.Input;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.OptionValues;
import dev.ipc.model.SharedMemorySegment;
import dev.ipc.model.SystemVKind;
import dev.ipc.sys.NativeCallException;
import dev.ipc.sys.SharedMemoryCalls;
import dev.ipc.sysv.Failures;
import dev.ipc.sysv.Stat;
import dev.ipc.sysv.IdOrKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

@Command(name = "write",
        exitCodeOnInvalidInput = ExitCodes.USAGE,
        sortOptions = false,
        description = {"Write text, a file or standard input into a shared memory segment.",
                "Writes TEXT (UTF-8, no newline added), the bytes of --file, or "
                + "standard input, at --offset. The data is read and checked against the segment's size first: "
                + "what would pass the end is refused and nothing is written."},
        footer = {"", "Exit status: 0 written; 2 bad usage; 3 no such segment; 4 permission denied; 9 the data "
                + "would pass the end; 1 other failures.",
                "", "Examples:", "  ipc shm write --id 3 'hello'",
                "  ipc shm write --key 0x1234 --offset 4K --file data.bin"})
public final class ShmWriteCommand implements Callable<Integer> {
    @Mixin
    HelpOption help;

    @Mixin
    IdOrKey target;

    @Option(names = "--offset", paramLabel = "BYTES", description = "Start this far into the segment (default 0). " + Sizes.HELP)
    String offset;

    @Option(names = "--file", paramLabel = "FILE", description = "Write the bytes of this file.")
    String file;

    @Parameters(arity = "0..1", paramLabel = "TEXT", description = "The text to write.")
    String text;

    @Override
    public Integer call() {
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

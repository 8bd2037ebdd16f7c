// ipc pipe-demo atomic: several writer processes write records into one pipe at once; records of at most
// PIPE_BUF bytes never interleave, larger ones may. The demo counts the torn ones.
package dev.ipc.pipe;

import dev.ipc.cli.Sizes;
import dev.ipc.cli.IpcException;
import dev.ipc.cli.SelfCommand;
import dev.ipc.pipe.Children.Child;
import dev.ipc.pipe.Descriptors.Pipe;
import dev.ipc.libc.FileConstants;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

@Command(name = "atomic",
        description = {
                "Writers at once: records of at most PIPE_BUF bytes are never torn; larger ones may be.",
                "",
                "The documents' rule for writers: a write of at most PIPE_BUF (4096) bytes is atomic, its bytes "
                        + "never mixed with another writer's; a larger one may be split, when the pipe fills, "
                        + "and other writers' bytes land in between.",
                "",
                "For each size, several writer processes (small JVMs, one write(2) per record) start at the "
                        + "same instant, released together when a gate pipe reaches end of file, and write "
                        + "their records into one pipe; this process reads them all and counts the records that "
                        + "did not arrive whole. A torn record of at most PIPE_BUF bytes breaks the rule; above "
                        + "PIPE_BUF tearing is allowed, and usual.",
                ""},
        footer = {"", "Exit status: 0 when no record of at most PIPE_BUF bytes was torn and no byte was lost, 1 "
                + "when one was (or a writer failed), 2 on bad usage."})
public final class PipeAtomicCommand extends DemoCommand {
    private static final int MAX_WRITERS = 26;

    @Option(names = "--size", paramLabel = "BYTES", split = ",",
            description = "Record sizes to try, in turn (repeat or separate with commas). Default: 4096 (PIPE_BUF), "
                    + "4097 (one byte more) and 100000 (more than the pipe holds). " + Sizes.HELP)
    List<String> sizeTexts = new ArrayList<>();

    @Option(names = "--writers", paramLabel = "N", defaultValue = "4",
            description = "Writer processes per size, 1 to " + MAX_WRITERS + ". Default: ${DEFAULT-VALUE}.")
    String writersText;

    @Option(names = "--records", paramLabel = "N", defaultValue = "200",
            description = "Records per writer, 1 to 100000. Default: ${DEFAULT-VALUE}.")
    String recordsText;

    /** One size's findings. */
    record Run(int size, int writers, int records, long bytes, long torn, long foreign, boolean complete) {
    }

    @Override
    int run() {
        List<Integer> sizes = new ArrayList<>();
        for (String text : sizeTexts.isEmpty() ? List.of("4096", "4097", "100000") : sizeTexts) {
            sizes.add((int) Sizes.bytes("--size", text, 1, 16 << 20));
        }
        int writers = (int) number("--writers", writersText, 1, MAX_WRITERS);
        int records = (int) number("--records", recordsText, 1, 100_000);
        for (int size : sizes) {
            if ((long) size * records > 1L << 30) {
                throw IpcException.usage("--size " + size + " times --records " + records + " is more than 1 GiB "
                        + "per writer");
            }
        }
        try (Demo demo = Demo.start(spec, options)) {
            demo.say(writers + " writer processes, " + records + " records each, per size; PIPE_BUF is "
                    + FileConstants.PIPE_BUF);
            List<Run> runs = new ArrayList<>();
            List<Child> children = new ArrayList<>();
            for (int size : sizes) {
                runs.add(run(demo, size, writers, records, children));
            }
            return demo.finish(json -> {
                json.writeNumberField("pipe_buf", FileConstants.PIPE_BUF);
                json.writeArrayFieldStart("runs");
                for (Run run : runs) {
                    json.writeStartObject();
                    json.writeNumberField("size", run.size());
                    json.writeBooleanField("at_most_pipe_buf", run.size() <= FileConstants.PIPE_BUF);
                    json.writeNumberField("writers", run.writers());
                    json.writeNumberField("records_per_writer", run.records());
                    json.writeNumberField("records", (long) run.writers() * run.records());
                    json.writeNumberField("bytes", run.bytes());
                    json.writeNumberField("torn", run.torn());
                    json.writeNumberField("foreign_bytes", run.foreign());
                    json.writeBooleanField("complete", run.complete());
                    json.writeEndObject();
                }
                json.writeEndArray();
            });
        }
    }

    private Run run(Demo demo, int size, int writers, int records, List<Child> all) {
        Pipe data = demo.fds.pipe(size + "-byte records from every writer");
        Pipe gate = demo.fds.pipe("the gate: writers start when it reaches end of file");
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            List<String> command = new ArrayList<>(SelfCommand.ofMain(RecordWriter.class.getName(),
                    Integer.toString(size), Integer.toString(records), Character.toString(TornRecords.tag(i))));
            if (demo.trace.enabled()) {
                command.add("--trace");
            }
            Program java = Program.at(command.get(0), command);
            children.add(demo.children.spawn("writer " + (char) TornRecords.tag(i), java, new Children.Setup()
                    .dup2(gate.read(), 0, "stdin is the gate")
                    .dup2(data.write(), 1, "stdout is the write end every writer shares")
                    .close(gate.read(), "the gate is fd 0 now")
                    .close(gate.write(), "the gate's write end is the parent's")
                    .close(data.read(), "the writer does not read")
                    .close(data.write(), "the write end is fd 1 now")));
        }
        all.addAll(children);
        demo.fds.close(gate.read(), "only the writers read the gate");
        demo.fds.close(data.write(), "only the writers write: the read ends at end of file when they are done");

        PipeIo io = new PipeIo(demo.trace, 64 * 1024);
        int ready = 0;
        while (ready < writers && io.awaitReadable(data.read(), demo.deadline, "not every writer is ready yet")) {
            long n = io.read(data.read(), writers - ready, result -> result > 0 ? "writers ready" : null);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (io.bytes()[i] != RecordWriter.READY) {
                    throw IpcException.failure("a writer wrote before the gate opened");
                }
            }
            ready += (int) n;
        }
        if (ready < writers) {
            // The writers still waiting at the gate are killed and reaped when the demo closes.
            StringBuilder why = new StringBuilder("only " + ready + " of " + writers + " writers became ready");
            for (Child child : children) {
                if (demo.children.ended(child)) {
                    why.append("; ").append(child).append(' ').append(Trace.describe(demo.children.await(child,
                            demo.deadline)));
                }
            }
            demo.fail(why.toString());
            return new Run(size, writers, records, 0, 0, 0, false);
        }
        demo.fds.close(gate.write(), "the gate opens: every writer reads end of file at once and starts writing");

        TornRecords count = new TornRecords(writers, size);
        PipeIo.Outcome outcome = io.drain(data.read(), demo.deadline, count, null,
                "end of file: every writer is done", "the writers are still writing at the timeout");
        count.finish();
        demo.fds.close(data.read(), "all records are in");
        for (Child child : children) {
            demo.awaitSuccess(child);
        }
        long expected = (long) size * records;
        boolean complete = outcome == PipeIo.Outcome.END_OF_FILE && count.foreign() == 0;
        long bytes = 0;
        for (int i = 0; i < writers; i++) {
            complete &= count.received(i) == expected;
            bytes += count.received(i);
        }
        long total = (long) writers * records;
        String sizeName = size + "-byte records (" + (size <= FileConstants.PIPE_BUF ? "at most" : "more than")
                + " PIPE_BUF)";
        demo.say(sizeName + ": " + bytes + " bytes read, " + count.torn() + " of " + total + " records torn ("
                + Math.round(100.0 * count.torn() / total) + "%)");
        demo.expect(complete, "every byte written reaches the reader, once",
                bytes + " of " + expected * writers + " bytes arrived" + (count.foreign() == 0 ? ""
                        : ", and " + count.foreign() + " bytes of no writer"));
        if (size <= FileConstants.PIPE_BUF) {
            demo.expect(count.torn() == 0, "writes of at most PIPE_BUF bytes are atomic: no record is torn",
                    count.torn() + " of " + total + " " + size + "-byte records were torn");
        } else {
            demo.say("  (allowed: a write of more than PIPE_BUF bytes may be split when the pipe fills)");
        }
        return new Run(size, writers, records, bytes, count.torn(), count.foreign(), complete);
    }

    private static long number(String option, String text, long min, long max) {
        if (text.matches("\\d{1,9}")) {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        }
        throw IpcException.usage("invalid " + option + " '" + text + "': expected a number from " + min + " to " + max);
    }
}

// Where the data of a pipeline or of popen's command ends up: this process's stdout, byte for byte, when ipc
// runs as its own program; otherwise captured, for the command's writer or for --json.
package dev.ipc.pipe;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.ipc.cli.RunContext;
import picocli.CommandLine.Model.CommandSpec;

import java.io.ByteArrayOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

final class Output implements PipeIo.Sink {
    /** Kept for --json and for runs in process; what comes after is counted, not kept. */
    private static final int CAPTURE_LIMIT = 16 << 20;

    private final PrintWriter out;
    private final boolean ownStreams;
    private final boolean direct;
    private final boolean json;
    private final FileOutputStream stdout;
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private long bytes;
    private boolean closed;

    private Output(PrintWriter out, boolean ownStreams, boolean json) {
        this.out = out;
        this.ownStreams = ownStreams;
        this.direct = ownStreams && !json;
        this.json = json;
        this.stdout = direct ? new FileOutputStream(FileDescriptor.out) : null;
    }

    static Output of(CommandSpec spec, DemoOptions options) {
        PrintWriter out = spec.commandLine().getOut();
        // With --diagram, as with --json, stdout is the document's: the data is captured, not shown.
        return new Output(out, RunContext.of(spec).processStreams(), options.json() || options.diagram());
    }

    /**
     * True when ipc runs as its own program, so that descriptors 0 and 1 are the user's to give: a child may
     * read our stdin. False when it runs inside another program (a test), whose descriptors they are not.
     */
    boolean ownStreams() {
        return ownStreams;
    }

    /** True when children write the data to our stdout themselves: we own it, and it is not going into JSON. */
    boolean direct() {
        return direct;
    }

    /** Copies bytes this process read (popen's "r" mode) to where the data goes. */
    @Override
    public void accept(byte[] data, int length) {
        bytes += length;
        if (direct) {
            if (!closed) {
                try {
                    out.flush();
                    stdout.write(data, 0, length);
                } catch (IOException e) {
                    closed = true; // our reader went away (EPIPE): the data has nowhere to go
                }
            }
        } else if (captured.size() < CAPTURE_LIMIT) {
            captured.write(data, 0, Math.min(length, CAPTURE_LIMIT - captured.size()));
        }
    }

    /** All the bytes that came through, kept or not. */
    long bytes() {
        return bytes;
    }

    /** True when our own stdout was closed under us (EPIPE), so that copying can stop. */
    @Override
    public boolean closed() {
        return closed;
    }

    /** After the run: captured text goes to the command's writer, unless it goes into the JSON. */
    void finish() {
        if (!direct && !json) {
            out.print(captured.toString(StandardCharsets.UTF_8));
            out.flush();
        }
    }

    void writeJson(JsonGenerator generator) throws IOException {
        generator.writeStringField("output", captured.toString(StandardCharsets.UTF_8));
        generator.writeNumberField("output_bytes", bytes);
        generator.writeBooleanField("output_truncated", bytes > captured.size());
    }
}

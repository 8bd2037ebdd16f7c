// One writer process of pipe-demo atomic: says it is ready, waits at the gate, then writes its records to
// stdout, each record in one write(2).
package dev.ipc.pipe;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A main class of its own, started by {@link PipeAtomicCommand} through SelfCommand: no picocli and no native
 * library, so that it starts in a fraction of the time ipc takes. FileOutputStream.write(byte[]) makes one
 * write(2) of the whole array on a blocking descriptor (the JDK loops only after a short write, which a
 * blocking pipe makes only when a signal interrupts it).
 * <p>
 * Arguments: SIZE COUNT TAG [--trace]. Protocol: one byte 'r' on stdout (the shared pipe) when ready; then
 * read stdin (the gate) to end of file; then COUNT records of SIZE bytes, every byte TAG.
 */
public final class RecordWriter {
    static final byte READY = 'r';

    private RecordWriter() {
    }

    public static void main(String[] args) throws IOException {
        int size = Integer.parseInt(args[0]);
        int count = Integer.parseInt(args[1]);
        byte tag = (byte) args[2].charAt(0);
        boolean trace = args.length > 3 && args[3].equals("--trace");
        long pid = ProcessHandle.current().pid();

        FileOutputStream out = new FileOutputStream(FileDescriptor.out);
        FileOutputStream err = new FileOutputStream(FileDescriptor.err);
        out.write(READY);
        FileInputStream gate = new FileInputStream(FileDescriptor.in);
        while (gate.read() >= 0) {
            // nothing comes through the gate: its end of file is the signal to start
        }
        byte[] record = new byte[size];
        Arrays.fill(record, tag);
        for (int i = 0; i < count; i++) {
            out.write(record);
        }
        if (trace) {
            String who = "child " + pid;
            String lines = Trace.format(who, "write(1, \"r\", 1) = 1", "ready") + "\n"
                    + Trace.format(who, "read(0, \"\", 1) = 0", "the gate opened: go") + "\n"
                    + Trace.format(who, "write(1, \"" + (char) tag + (char) tag + (char) tag + "\"..., " + size
                    + ") = " + size, count + " records of " + size + " bytes of '" + (char) tag + "', one write each")
                    + "\n" + (count > 1 ? Trace.repeated(who, count - 1) + "\n" : "");
            err.write(lines.getBytes(StandardCharsets.US_ASCII));
        }
    }
}

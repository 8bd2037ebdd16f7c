// Standard output as bytes, for data that must reach it unchanged (message texts, segment contents).
package dev.ipc.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

/**
 * Commands write text through picocli's PrintWriter, which encodes characters: bytes that are not UTF-8 would not
 * survive it. Raw data goes to file descriptor 1 directly, after the writer is flushed so that the order holds.
 */
public final class RawOutput {
    private RawOutput() {
    }

    /** A buffered stream on descriptor 1; closing it flushes and leaves the descriptor open. */
    public static OutputStream open(PrintWriter writer) {
        writer.flush();
        return new BufferedOutputStream(new FilterOutputStream(new FileOutputStream(FileDescriptor.out)) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len); // FilterOutputStream writes byte by byte otherwise
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        }, 64 * 1024);
    }
}

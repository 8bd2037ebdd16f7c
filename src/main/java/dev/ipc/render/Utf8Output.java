// The writer behind ipc's standard output and error: strings become UTF-8 bytes in one intrinsic call, and text
// that is UTF-8 already (JSON) goes through as it is.
package dev.ipc.render;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A listing hands over megabytes in one write(String). OutputStreamWriter pushes that through a
 * CharsetEncoder loop that is still interpreted at that point of a short run; String.getBytes has a
 * compiled fast path for ASCII text. Small writes are gathered in a buffer until flush.
 */
public final class Utf8Output extends Writer {
    private static final int BUFFER = 8192;

    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER];
    private int buffered;

    private Utf8Output(OutputStream out) {
        this.out = out;
    }

    /** A PrintWriter that writes UTF-8 to out, and takes bytes already in UTF-8 (see {@link #writeUtf8}). */
    public static PrintWriter printWriter(OutputStream out, boolean autoFlush) {
        return new Printer(new Utf8Output(out), autoFlush);
    }

    /**
     * Writes text that is UTF-8 bytes already, in order with what was written before: straight to the stream
     * behind a {@link #printWriter}, decoded for any other writer. Megabytes of JSON need not become a String
     * only to be encoded again.
     */
    public static void writeUtf8(PrintWriter out, byte[] bytes, int offset, int length) {
        if (out instanceof Printer printer) {
            printer.writeUtf8(bytes, offset, length);
        } else {
            out.write(new String(bytes, offset, length, StandardCharsets.UTF_8));
        }
    }

    private static final class Printer extends PrintWriter {
        private final Utf8Output utf8;

        Printer(Utf8Output utf8, boolean autoFlush) {
            super(utf8, autoFlush);
            this.utf8 = utf8;
        }

        void writeUtf8(byte[] bytes, int offset, int length) {
            synchronized (lock) {
                try {
                    utf8.writeBytes(bytes, offset, length);
                } catch (IOException e) {
                    setError(); // as PrintWriter does with its own writes
                }
            }
        }
    }

    @Override
    public void write(String text, int offset, int length) throws IOException {
        String part = offset == 0 && length == text.length() ? text : text.substring(offset, offset + length);
        writeBytes(part.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(char[] chars, int offset, int length) throws IOException {
        writeBytes(new String(chars, offset, length).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
    }

    private void writeBytes(byte[] bytes) throws IOException {
        writeBytes(bytes, 0, bytes.length);
    }

    private void writeBytes(byte[] bytes, int offset, int length) throws IOException {
        if (length > BUFFER - buffered) {
            flushBuffer();
            if (length > BUFFER / 2) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, buffered, length);
        buffered += length;
    }

    private void flushBuffer() throws IOException {
        if (buffered > 0) {
            out.write(buffer, 0, buffered);
            buffered = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        flushBuffer();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}

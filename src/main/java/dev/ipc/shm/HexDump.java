// A streaming hex dump in the format of hexdump -C, including its '*' for repeated lines.
package dev.ipc.shm;

import java.io.PrintWriter;
import java.util.Arrays;

final class HexDump {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final PrintWriter out;
    private final byte[] line = new byte[16];
    private final byte[] previous = new byte[16];
    private final StringBuilder text = new StringBuilder(80);
    private long offset;
    private int filled;
    private boolean havePrevious;
    private boolean squeezing;
    private boolean any;

    /** Offsets are shown from start, as hexdump -s shows them. */
    HexDump(PrintWriter out, long start) {
        this.out = out;
        this.offset = start;
    }

    void write(byte[] data, int length) {
        for (int i = 0; i < length; ) {
            int n = Math.min(16 - filled, length - i);
            System.arraycopy(data, i, line, filled, n);
            filled += n;
            i += n;
            if (filled == 16) {
                fullLine();
            }
        }
    }

    /** The last, partial line and the closing offset; nothing at all for no data, as hexdump does. */
    void finish() {
        if (filled > 0) {
            print(filled);
            offset += filled;
            filled = 0;
        }
        if (any) {
            text.setLength(0);
            offset(text, offset);
            out.append(text).append('\n');
        }
    }

    /** A line equal to the one before is printed as one '*' however many follow. */
    private void fullLine() {
        if (havePrevious && Arrays.equals(line, previous)) {
            if (!squeezing) {
                out.append("*\n");
                squeezing = true;
            }
        } else {
            print(16);
            squeezing = false;
            System.arraycopy(line, 0, previous, 0, 16);
            havePrevious = true;
        }
        offset += 16;
        filled = 0;
    }

    private void print(int n) {
        any = true;
        text.setLength(0);
        offset(text, offset);
        text.append("  ");
        for (int i = 0; i < n; i++) {
            text.append(HEX[(line[i] >> 4) & 0xf]).append(HEX[line[i] & 0xf]).append(' ');
            if (i == 7) {
                text.append(' ');
            }
        }
        while (text.length() < 59) {
            text.append(' ');
        }
        text.append(" |");
        for (int i = 0; i < n; i++) {
            int c = line[i] & 0xff;
            text.append(c >= 0x20 && c < 0x7f ? (char) c : '.');
        }
        text.append("|\n");
        out.append(text);
    }

    private static void offset(StringBuilder s, long value) {
        String hex = Long.toHexString(value);
        for (int i = hex.length(); i < 8; i++) {
            s.append('0');
        }
        s.append(hex);
    }
}

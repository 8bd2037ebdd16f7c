// Bytes from a request or reply, made safe to put in a log line or a message: short, one line, escaped.
package dev.ipc.fifo;

import java.nio.charset.StandardCharsets;

final class Printable {
    /** Longest excerpt of a request in a log line. */
    static final int MAX = 80;

    private Printable() {
    }

    /**
     * The bytes as text: valid UTF-8 as is, anything else (controls, invalid bytes, backslash) as \xNN;
     * cut at MAX characters with "..." after.
     */
    static String excerpt(byte[] bytes, int start, int end) {
        StringBuilder out = new StringBuilder(Math.min(end - start, MAX) + 8);
        int i = start;
        while (i < end && out.length() < MAX) {
            int b = bytes[i] & 0xff;
            if (b >= 0x20 && b < 0x7f && b != '\\') {
                out.append((char) b);
                i++;
                continue;
            }
            int length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
            if (length > 0 && i + length <= end && Utf8.isText(bytes, i, i + length)) {
                out.append(new String(bytes, i, length, StandardCharsets.UTF_8));
                i += length;
            } else {
                out.append(String.format("\\x%02x", b));
                i++;
            }
        }
        if (i < end) {
            out.append("...");
        }
        return out.toString();
    }
}

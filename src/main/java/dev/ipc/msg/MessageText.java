// Shows a message's bytes safely on one line: text as it is, everything else escaped.
package dev.ipc.msg;

final class MessageText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private MessageText() {
    }

    /**
     * Printable UTF-8 as it is; backslash, tab, newline and carriage return as \\ \t \n \r; any other control
     * character (C0, DEL, C1) and every byte that is not part of valid UTF-8 as \xHH. The result holds no control
     * character, so one message is one line, and the bytes can be told back from it.
     */
    static String escape(byte[] data, int length) {
        StringBuilder s = new StringBuilder(length + 16);
        int i = 0;
        while (i < length) {
            int n = sequenceLength(data, i, length);
            if (n == 0) {
                hex(s, data[i]);
                i++;
                continue;
            }
            int cp = codePoint(data, i, n);
            switch (cp) {
                case '\\' -> s.append("\\\\");
                case '\t' -> s.append("\\t");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                default -> {
                    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) {
                        for (int k = 0; k < n; k++) {
                            hex(s, data[i + k]);
                        }
                    } else {
                        s.appendCodePoint(cp);
                    }
                }
            }
            i += n;
        }
        return s.toString();
    }

    /** Whether the bytes are well-formed UTF-8 (no overlong forms, no surrogates, nothing above U+10FFFF). */
    static boolean isUtf8(byte[] data, int length) {
        for (int i = 0; i < length; ) {
            int n = sequenceLength(data, i, length);
            if (n == 0) {
                return false;
            }
            i += n;
        }
        return true;
    }

    /** The length of the well-formed UTF-8 sequence at i (Unicode table 3-7), or 0 when there is none. */
    private static int sequenceLength(byte[] d, int i, int end) {
        int b0 = d[i] & 0xff;
        if (b0 < 0x80) {
            return 1;
        }
        int n;
        int low = 0x80;
        int high = 0xbf;
        if (b0 >= 0xc2 && b0 <= 0xdf) {
            n = 2;
        } else if (b0 >= 0xe0 && b0 <= 0xef) {
            n = 3;
            low = b0 == 0xe0 ? 0xa0 : 0x80;
            high = b0 == 0xed ? 0x9f : 0xbf;
        } else if (b0 >= 0xf0 && b0 <= 0xf4) {
            n = 4;
            low = b0 == 0xf0 ? 0x90 : 0x80;
            high = b0 == 0xf4 ? 0x8f : 0xbf;
        } else {
            return 0;
        }
        if (i + n > end) {
            return 0;
        }
        int b1 = d[i + 1] & 0xff;
        if (b1 < low || b1 > high) {
            return 0;
        }
        for (int k = 2; k < n; k++) {
            int b = d[i + k] & 0xff;
            if (b < 0x80 || b > 0xbf) {
                return 0;
            }
        }
        return n;
    }

    private static int codePoint(byte[] d, int i, int n) {
        int b0 = d[i] & 0xff;
        if (n == 1) {
            return b0;
        }
        int cp = b0 & (0xff >> (n + 1));
        for (int k = 1; k < n; k++) {
            cp = (cp << 6) | (d[i + k] & 0x3f);
        }
        return cp;
    }

    private static void hex(StringBuilder s, byte b) {
        s.append("\\x").append(HEX[(b >> 4) & 0xf]).append(HEX[b & 0xf]);
    }
}

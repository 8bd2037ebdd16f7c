// Whether a request's bytes are text: well-formed UTF-8 without control characters other than tab.
package dev.ipc.fifo;

final class Utf8 {
    private Utf8() {
    }

    /** Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF), no C0 controls but tab, no DEL. */
    static boolean isText(byte[] bytes, int start, int end) {
        int i = start;
        while (i < end) {
            int b = bytes[i];
            if (b >= 0) {
                if (b < 0x20 && b != '\t' || b == 0x7f) {
                    return false;
                }
                i++;
                continue;
            }
            int lead = b & 0xff;
            int length;
            int min;
            if (lead >= 0xc2 && lead <= 0xdf) {
                length = 2;
                min = 0x80;
            } else if (lead >= 0xe0 && lead <= 0xef) {
                length = 3;
                min = 0x800;
            } else if (lead >= 0xf0 && lead <= 0xf4) {
                length = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + length > end) {
                return false;
            }
            int codePoint = lead & (0x7f >> length);
            for (int k = 1; k < length; k++) {
                int next = bytes[i + k] & 0xff;
                if ((next & 0xc0) != 0x80) {
                    return false;
                }
                codePoint = codePoint << 6 | next & 0x3f;
            }
            if (codePoint < min || codePoint > 0x10ffff || codePoint >= 0xd800 && codePoint <= 0xdfff) {
                return false;
            }
            i += length;
        }
        return true;
    }
}

// How message bytes are shown: text as it is, everything else escaped so that one message is one line.
package dev.ipc.msg;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MessageTextTest {
    private static String escape(int... bytes) {
        byte[] data = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            data[i] = (byte) bytes[i];
        }
        return MessageText.escape(data, data.length);
    }

    @Test
    void keeps_printable_utf8_including_other_scripts_and_emoji() {
        byte[] text = "plain ü 日本 🙂".getBytes(StandardCharsets.UTF_8);
        assertEquals("plain ü 日本 🙂", MessageText.escape(text, text.length));
        assertTrue(MessageText.isUtf8(text, text.length));
    }

    @Test
    void escapes_backslash_and_whitespace_controls_by_name() {
        assertEquals("\\\\\\t\\n\\r", escape('\\', '\t', '\n', '\r'));
    }

    @Test
    void escapes_other_controls_and_invalid_utf8_byte_by_byte() {
        assertEquals("\\x00\\x1b\\x7f", escape(0, 0x1b, 0x7f));
        assertEquals("\\xc2\\x80", escape(0xc2, 0x80), "C1 control U+0080");
        assertEquals("\\xc0\\xaf", escape(0xc0, 0xaf), "overlong slash");
        assertEquals("\\xed\\xa0\\x80", escape(0xed, 0xa0, 0x80), "a UTF-16 surrogate");
        assertEquals("\\xf4\\x90\\x80\\x80", escape(0xf4, 0x90, 0x80, 0x80), "above U+10FFFF");
        assertEquals("a\\xe2\\x82", escape('a', 0xe2, 0x82), "cut short at the end");
        assertFalse(MessageText.isUtf8(new byte[] {(byte) 0xe2, (byte) 0x82}, 2));
    }

    @Test
    void escapes_only_within_the_length_given() {
        byte[] data = {'o', 'k', 0};
        assertEquals("ok", MessageText.escape(data, 2));
    }
}

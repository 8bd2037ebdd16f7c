// What counts as request text (UTF-8, no controls) and how bytes show in the log.
package dev.ipc.fifo;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestTextTest {
    private static boolean text(int... bytes) {
        byte[] b = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            b[i] = (byte) bytes[i];
        }
        return Utf8.isText(b, 0, b.length);
    }

    @Test
    void utf8_text_is_accepted_and_everything_else_refused() {
        byte[] mixed = "tab\there: é € 😀".getBytes(StandardCharsets.UTF_8);
        assertTrue(Utf8.isText(mixed, 0, mixed.length));
        assertFalse(text(0x00), "NUL");
        assertFalse(text('a', 0x0d), "carriage return");
        assertFalse(text(0x7f), "DEL");
        assertFalse(text(0xc0, 0xaf), "overlong /");
        assertFalse(text(0xe0, 0x80, 0xaf), "overlong 3-byte");
        assertFalse(text(0xed, 0xa0, 0x80), "surrogate U+D800");
        assertFalse(text(0xf4, 0x90, 0x80, 0x80), "beyond U+10FFFF");
        assertFalse(text(0xe2, 0x82), "cut short");
        assertFalse(text(0x80), "lone continuation byte");
        assertTrue(text(0xf4, 0x8f, 0xbf, 0xbf), "U+10FFFF");
    }

    @Test
    void log_excerpts_escape_what_is_not_printable_text() {
        byte[] bytes = {'a', '\\', 0, (byte) 0xff, (byte) 0xc3, (byte) 0xa9};
        assertEquals("a\\x5c\\x00\\xffé", Printable.excerpt(bytes, 0, bytes.length));
        byte[] longLine = "z".repeat(100).getBytes(StandardCharsets.US_ASCII);
        assertEquals("z".repeat(80) + "...", Printable.excerpt(longLine, 0, longLine.length));
    }
}

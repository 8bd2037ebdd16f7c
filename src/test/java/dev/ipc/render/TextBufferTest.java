// The hand-made conversions that listings run per row print what printf and ls print.
package dev.ipc.render;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TextBufferTest {
    @Test
    void keys_print_as_printf_0x08x_for_every_sign_and_width() {
        int[] keys = {0, 1, 0xf, 0x10, 0xabcdef, 0x7fffffff, -1, Integer.MIN_VALUE, 0x80000001, 65536};
        for (int key : keys) {
            assertEquals(String.format("0x%08x", key), TextBuffer.formatKey(key), "key " + key);
            assertEquals(String.format("0x%08x", key), new TextBuffer().hexKey(key).toString(), "key " + key);
        }
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            int key = random.nextInt();
            assertEquals(String.format("0x%08x", key), TextBuffer.formatKey(key));
        }
    }

    @Test
    void every_mode_prints_its_nine_permission_letters_whatever_else_is_set() {
        for (int mode = 0; mode < 01000; mode++) {
            StringBuilder expected = new StringBuilder();
            for (int bit = 8; bit >= 0; bit--) {
                expected.append((mode & (1 << bit)) == 0 ? '-' : "xwr".charAt(bit % 3));
            }
            assertEquals(expected.toString(), Permissions.symbolic(mode), Integer.toOctalString(mode));
            assertEquals(expected.toString(), Permissions.symbolic(mode | 01000 | 0100000), "with higher bits");
        }
    }
}

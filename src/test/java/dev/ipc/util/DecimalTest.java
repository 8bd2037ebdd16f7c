package dev.ipc.util;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DecimalTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void parses_digits_in_a_range_and_refuses_anything_else() {
        assertEquals(4242, Decimal.parse(ascii("4242 17"), 0, 4));
        assertEquals(17, Decimal.parse(ascii("4242 17"), 5, 7));
        assertEquals(0, Decimal.parse(ascii("0"), 0, 1));
        assertEquals(999_999_999_999_999_999L, Decimal.parse(ascii("999999999999999999"), 0, 18));
        assertEquals(-1, Decimal.parse(ascii("4242 17"), 0, 7), "a space");
        assertEquals(-1, Decimal.parse(ascii("-1"), 0, 2), "a sign");
        assertEquals(-1, Decimal.parse(ascii("12"), 1, 1), "nothing");
        assertEquals(-1, Decimal.parse(ascii("1234567890123456789"), 0, 19), "more digits than a long surely holds");
    }

    @Test
    void writes_what_it_parses_back() {
        byte[] bytes = new byte[32];
        bytes[0] = 'x';
        for (long value : new long[] {0, 9, 10, 4242, Long.MAX_VALUE}) {
            int end = Decimal.write(value, bytes, 1);
            assertEquals("x" + value, new String(bytes, 0, end, StandardCharsets.US_ASCII));
            if (end - 1 <= 18) {
                assertEquals(value, Decimal.parse(bytes, 1, end));
            }
        }
    }
}

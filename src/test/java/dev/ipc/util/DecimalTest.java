package dev.ipc.util;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    /** What "[-+]?[0-9]{1,N}" matches, signed or not: checked against the regular expression itself. */
    @Test
    void checks_text_as_the_regular_expression_would() {
        String[] texts = {"0", "7", "42", "0042", "+5", "-5", "", "+", "-", " 1", "1 ", "1a", "a1", "12345", "123456",
                "٣", "1.0", "--1", "+-1", "99999999999"};
        for (String text : texts) {
            for (boolean signed : new boolean[] {false, true}) {
                boolean expected = text.matches((signed ? "[-+]?" : "") + "[0-9]{1,5}");
                assertEquals(expected, Decimal.isDecimal(text, 5, signed), () -> "'" + text + "' signed " + signed);
            }
        }
        assertTrue(Decimal.isDecimal("00000000000000000001", Integer.MAX_VALUE, false));
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

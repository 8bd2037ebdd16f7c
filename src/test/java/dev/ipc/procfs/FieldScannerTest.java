// Fields of /proc/sysvipc lines: signed, unsigned 64-bit, octal, across blanks, tabs and line ends.
package dev.ipc.procfs;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FieldScannerTest {
    private static FieldScanner scanner(String text) {
        return new FieldScanner(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void reads_each_kind_of_field_and_skips_the_rest_of_a_line() {
        FieldScanner in = scanner("  -1 18446744073692774399\t0644 2147483647 ignored words\n"
                + "-2147483648 9223372036854775807\n\n  \n");
        assertFalse(in.atEnd());
        assertEquals(-1, in.nextInt());
        assertEquals(Long.parseUnsignedLong("18446744073692774399"), in.nextUnsignedLong());
        assertEquals(0644, in.nextOctal());
        assertEquals(Integer.MAX_VALUE, in.nextInt());
        in.skipLine();
        assertEquals(Integer.MIN_VALUE, in.nextInt());
        assertEquals(Long.MAX_VALUE, in.nextLong());
        in.skipLine();
        assertTrue(in.atEnd(), "blank lines and spaces at the end are no more rows");
    }

    @Test
    void text_where_a_number_belongs_is_an_error_naming_where() {
        FieldScanner in = scanner("12 abc\n");
        assertEquals(12, in.nextLong());
        IllegalStateException e = assertThrows(IllegalStateException.class, in::nextLong);
        assertTrue(e.getMessage().contains("at byte 3"), e.getMessage());
        assertThrows(IllegalStateException.class, scanner("9")::nextOctal);
    }

    @Test
    void a_last_line_without_a_newline_is_read_to_its_end() {
        FieldScanner in = scanner("1 2");
        assertEquals(1, in.nextLong());
        in.skipLine();
        assertTrue(in.atEnd());
    }
}

// Values are plain decimal, in range; shm sizes take suffixes, SHMALL in bytes or pages.
package dev.ipc.tune;

import dev.ipc.cli.IpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueParserTest {
    private static final long PAGE = 4096;
    private final ValueParser parser = new ValueParser(PAGE, Limit.IPCMNI);

    private long parse(Limit limit, String text) {
        return parser.parse(limit, limit.option(), text);
    }

    private String refusal(Limit limit, String text) {
        IpcException e = assertThrows(IpcException.class, () -> parse(limit, text));
        assertEquals(2, e.exitCode());
        assertTrue(e.getMessage().startsWith(limit.option() + " '" + text + "': "), e.getMessage());
        return e.getMessage();
    }

    @Test
    void reads_plain_decimals() {
        assertEquals(250, parse(Limit.SEMMSL, "250"));
        assertEquals(0, parse(Limit.SEMMNI, "0"));
        assertEquals(32768, parse(Limit.SEMMNI, "32768"));
        assertEquals(Integer.MAX_VALUE, parse(Limit.MSGMAX, "2147483647"));
    }

    @Test
    void refuses_what_the_kernel_would_read_another_way() {
        assertTrue(refusal(Limit.SEMMNI, "0777").contains("octal, 511"));
        assertTrue(refusal(Limit.SEMMNI, "0128").contains("bad octal number"));
        assertTrue(refusal(Limit.SEMMNI, "0x10").contains("hexadecimal (the kernel would read it as 16)"));
        assertTrue(refusal(Limit.SEMMNI, "5 6").contains("more than one number"));
        assertTrue(refusal(Limit.SEMMNI, "5\t6").contains("more than one number"));
        assertTrue(refusal(Limit.SEMMNI, "5abc").contains("unexpected 'abc'"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "-1|negative", "+5|no sign", "' 5'|leading white space", "1.5|not a whole number", "''|empty",
            "abc|not a number"})
    void refuses_signs_fractions_and_text(String text, String reason) {
        assertTrue(refusal(Limit.SEMMSL, text).contains(reason));
    }

    @Test
    void checks_each_limits_range() {
        assertTrue(refusal(Limit.SEMMSL, "0").endsWith("out of range 1..2147483647"));
        assertTrue(refusal(Limit.SEMOPM, "2147483648").endsWith("out of range 1..2147483647"));
        assertTrue(refusal(Limit.SEMMNI, "32769").contains("out of range 0..32768 (IPCMNI"));
        assertTrue(refusal(Limit.MSGMNI, "32769").contains("out of range 0..32768"));
        assertTrue(refusal(Limit.SHMMNI, "99999999999999999999999").contains("out of range 0..32768"));
        assertTrue(refusal(Limit.MSGMNB, "2147483648").endsWith("out of range 0..2147483647"));
        assertEquals(16777216, new ValueParser(PAGE, Limit.IPCMNI_EXTENDED).parse(Limit.SEMMNI, "--semmni",
                "16777216"));
    }

    @Test
    void takes_the_whole_unsigned_64_bit_range_for_shared_memory() {
        assertEquals(-1L, parse(Limit.SHMMAX, "18446744073709551615"));
        assertEquals("18446744073692774399", Long.toUnsignedString(parse(Limit.SHMALL, "18446744073692774399")));
        assertTrue(refusal(Limit.SHMMAX, "18446744073709551616").endsWith("out of range 0..18446744073709551615"));
        assertTrue(refusal(Limit.SHMMAX, "16E").endsWith("out of range 0..18446744073709551615"));
    }

    @Test
    void reads_size_suffixes_as_util_linux_does() {
        assertEquals(16L << 30, parse(Limit.SHMMAX, "16G"));
        assertEquals(16L << 30, parse(Limit.SHMMAX, "16GiB"));
        assertEquals(16_000_000_000L, parse(Limit.SHMMAX, "16GB"));
        assertEquals(1024, parse(Limit.SHMMAX, "1k"));
        assertEquals(15L << 60, parse(Limit.SHMMAX, "15E"));
        assertEquals(512, parse(Limit.SHMMAX, "512B"));
        assertTrue(refusal(Limit.SHMMAX, "16Q").contains("unexpected 'Q'"));
        assertTrue(refusal(Limit.SEMMNS, "16K").contains("SEMMNS takes a plain number of semaphores"));
        assertTrue(refusal(Limit.SEMMSL, "1.5K").contains("without a size suffix"));
        assertEquals(64 << 10, parse(Limit.MSGMAX, "64K"), "every limit in bytes takes the one size grammar");
        assertEquals(16 << 20, parse(Limit.MSGMNB, "16M"));
        assertEquals(3L << 29, parse(Limit.SHMMAX, "1.5G"), "decimals, as ipcmk takes 1.5K");
        assertEquals((3L << 29) / PAGE, parse(Limit.SHMALL, "1.5G"));
    }

    @Test
    void takes_shmall_in_pages_or_in_bytes_with_a_suffix() {
        assertEquals(1000, parse(Limit.SHMALL, "1000"));
        assertEquals((16L << 30) / PAGE, parse(Limit.SHMALL, "16G"));
        assertEquals(1, parse(Limit.SHMALL, "4096B"));
        assertEquals(2, new ValueParser(65536, Limit.IPCMNI).parse(Limit.SHMALL, "--shmall", "128K"));
        assertTrue(refusal(Limit.SHMALL, "4097B").contains("not a whole number of pages of 4096 bytes"));
    }

    @Test
    void reads_memory_sizes_for_presets_from_64m_up() {
        assertEquals(64L << 30, ValueParser.ram("64G"));
        assertEquals(64L << 20, ValueParser.ram("67108864"));
        assertThrows(IpcException.class, () -> ValueParser.ram("67108863"));
        assertThrows(IpcException.class, () -> ValueParser.ram("0"));
        assertThrows(IpcException.class, () -> ValueParser.ram("8E"));
        assertEquals(3L << 29, ValueParser.ram("1.5G"));
    }
}

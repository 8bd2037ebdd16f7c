// C's number syntax as the util-linux tools read it: the values and failures measured on ipcmk and ipcrm 2.38.
package dev.ipc.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CNumbersTest {
    /** Sizes and the segment sizes ipcmk -M made of them (ipcs -m -i), measured in a private namespace. */
    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource(delimiter = '|', value = {
            "1K|1024", "1k|1024", "1KiB|1024", "1Kib|1024", "1KB|1000", "1kb|1000", "1kB|1000", "0x100|256",
            "010|8", "010K|8192", "0x10K|16384", "1.5K|1536", "1.5KiB|1536", "1.5KB|1500", "1.0K|1024",
            "1.K|1024", "1.05K|1075", "1.08K|1109", "1.010K|1126", "1.25M|1310719", "0.5K|512", "' 12'|12",
            "+12|12", "2k|2048", "3m|3145728", "0.0001K|0", "1E|1152921504606846976",
            "18446744073709551615|18446744073709551615"})
    void sizes_read_as_ipcmk_reads_them(String text, String bytes) {
        assertEquals(Long.parseUnsignedLong(bytes), CNumbers.sizeOrFail(text, "failed to parse size"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"-1", "1X", "abc", "", "1.0", "1.00", "1.5", "1.", "1KIB", "1 K", "1.5.5K", "0.1", "0x",
            "08", "1b", "1B", "1iB", "1.x", "1.-5K", "1.+5K", "1. 5K", "1.0x5K", " -5"})
    void sizes_ipcmk_refuses_are_invalid_arguments(String text) {
        IpcException e = assertThrows(IpcException.class, () -> CNumbers.sizeOrFail(text, "failed to parse size"));
        assertEquals("failed to parse size: '" + text + "': Invalid argument", e.getMessage());
        assertEquals(1, e.exitCode());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"100E", "16E", "1Z", "99999999999999999999", "1.99999999999999999999999K"})
    void sizes_too_large_are_out_of_range(String text) {
        IpcException e = assertThrows(IpcException.class, () -> CNumbers.sizeOrFail(text, "failed to parse size"));
        assertEquals("failed to parse size: '" + text + "': Numerical result out of range", e.getMessage());
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', value = {"4660|4660", "0x1234|4660", "011064|4660", "-1|-1", "0xffffffff|-1",
            "' 12'|12", "0X10|16", "+7|7", "-2147483648|-2147483648", "-0|0"})
    void keys_are_read_as_strtoul_reads_them(String text, int key) {
        assertEquals(key, CNumbers.keyOrFail(text, "failed to parse argument"));
    }

    /** strtokey keeps the low 32 bits: 0x1ffffffff named key 0xffffffff, 0x100000000 IPC_PRIVATE. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"0x1ffffffff", "0x100000000", "4294967297", "-2147483649", "-4294967295"})
    void keys_wider_than_32_bits_are_refused(String text) {
        assertEquals("failed to parse argument: '" + text + "': a key is 32 bits (0 to 0xffffffff, or -2147483648 "
                + "to -1)", assertThrows(IpcException.class,
                () -> CNumbers.keyOrFail(text, "failed to parse argument")).getMessage());
    }

    @Test
    void keys_that_are_not_numbers_fail_as_ipcrm_fails() {
        assertEquals("failed to parse argument: 'zz'", assertThrows(IpcException.class,
                () -> CNumbers.keyOrFail("zz", "failed to parse argument")).getMessage());
        assertEquals("failed to parse argument: '0x12g'", assertThrows(IpcException.class,
                () -> CNumbers.keyOrFail("0x12g", "failed to parse argument")).getMessage());
        assertEquals("failed to parse argument: '99999999999999999999999': Numerical result out of range",
                assertThrows(IpcException.class,
                        () -> CNumbers.keyOrFail("99999999999999999999999", "failed to parse argument")).getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"5|5", "' 5'|5", "-5|-5", "+5|5", "010|10", "2147483647|2147483647",
            "-2147483648|-2147483648"})
    void ids_and_counts_are_decimal(String text, int value) {
        assertEquals(value, CNumbers.strtos32OrFail(text, "failed to parse argument"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "abc|failed to parse argument: 'abc'",
            "0x0|failed to parse argument: '0x0'",
            "''|failed to parse argument: ''",
            "'5 '|failed to parse argument: '5 '",
            "99999999999|failed to parse argument: '99999999999': Numerical result out of range",
            "2147483648|failed to parse argument: '2147483648': Numerical result out of range",
            "-99999999999999999999|failed to parse argument: '-99999999999999999999': Numerical result out of range"})
    void ids_that_are_not_32_bit_decimals_fail(String text, String message) {
        assertEquals(message, assertThrows(IpcException.class,
                () -> CNumbers.strtos32OrFail(text, "failed to parse argument")).getMessage());
    }

    @Test
    void strtoul_stops_where_c_stops() {
        assertEquals(new CNumbers.Parsed(0, 1, false), CNumbers.strtoul("0x", 0)); // "0", then junk "x"
        assertEquals(new CNumbers.Parsed(0, 1, false), CNumbers.strtoul("08", 0)); // octal 0, then junk "8"
        assertEquals(new CNumbers.Parsed(0, 0, false), CNumbers.strtoul("", 0));
        assertEquals(new CNumbers.Parsed(-5, 2, false), CNumbers.strtoul("-5", 10)); // wraps, as C does
        assertEquals(new CNumbers.Parsed(-1, 20, true), CNumbers.strtoul("18446744073709551616", 10));
        assertEquals(new CNumbers.Parsed(0, 0, false), CNumbers.strtoul("\u0663", 10)); // no Unicode digits
    }
}

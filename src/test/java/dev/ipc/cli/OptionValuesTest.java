// How options' numbers, keys and sizes are read, and the messages for what cannot be read.
package dev.ipc.cli;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OptionValuesTest {
    @Test
    void reads_keys_in_decimal_hex_and_octal_as_ipcrm_does() {
        assertEquals(4660, OptionValues.key("4660", "--key"));
        assertEquals(4660, OptionValues.key("0x1234", "--key"));
        assertEquals(4660, OptionValues.key("011064", "--key"));
        assertEquals(0x80000001, OptionValues.key("0x80000001", "--key"), "unsigned keys keep their bits");
        assertEquals(-1, OptionValues.key("-1", "--key"));
        assertEquals("--key 0x100000000 is out of range: a key is 32 bits",
                assertThrows(IpcException.class, () -> OptionValues.key("0x100000000", "--key")).getMessage());
        assertEquals("invalid --key '08': write a number in decimal, 0x hex or 0 octal",
                assertThrows(IpcException.class, () -> OptionValues.key("08", "--key")).getMessage());
        assertEquals("--key -0x80000001 is out of range: a key is 32 bits",
                assertThrows(IpcException.class, () -> OptionValues.key("-0x80000001", "--key")).getMessage());
        assertThrows(IpcException.class, () -> OptionValues.key(" 1", "--key"), "no blanks");
    }

    @Test
    void reads_integers_with_their_sign() {
        assertEquals(-2, OptionValues.integer("-2", "--type"));
        assertEquals(Long.MAX_VALUE, OptionValues.integer("0x7fffffffffffffff", "--type"));
        assertThrows(IpcException.class, () -> OptionValues.integer("0x8000000000000000", "--type"));
        assertThrows(IpcException.class, () -> OptionValues.integer("-0x8000000000000001", "--type"));
        assertThrows(IpcException.class, () -> OptionValues.integer("", "--type"));
    }

    @Test
    void reads_ids_in_decimal_only() {
        assertEquals(12, OptionValues.id("12", "--id"));
        assertThrows(IpcException.class, () -> OptionValues.id("0x1", "--id"));
        assertThrows(IpcException.class, () -> OptionValues.id("2147483648", "--id"));
        assertThrows(IpcException.class, () -> OptionValues.id("-1", "--id"));
    }
}

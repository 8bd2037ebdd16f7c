// The one size grammar every byte-valued option uses: suffixes, decimals, the range check and its message.
package dev.ipc.cli;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SizesTest {
    @ParameterizedTest(name = "{0} is {1} bytes")
    @CsvSource({"4096, 4096", "4K, 4096", "4KiB, 4096", "4KB, 4000", "3M, 3145728", "1G, 1073741824",
            "1.5K, 1536", "1.5G, 1610612736", "0x10K, 16384", "0x1b, 27", "010, 8", "2T, 2199023255552"})
    void reads_sizes_as_ipcmk_does(String text, long bytes) {
        assertEquals(bytes, Sizes.bytes("--size", text, 0, Long.MAX_VALUE));
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @ValueSource(strings = {"", "-1", "1X", "1.5", "4 K", "K", "16E"})
    void refuses_what_is_no_size_in_one_message(String text) {
        IpcException e = assertThrows(IpcException.class, () -> Sizes.bytes("--size", text, 0, Long.MAX_VALUE));
        assertEquals(ExitCodes.USAGE, e.exitCode());
        assertEquals("invalid --size '" + text + "': expected a size such as 4096, 64K or 1.5G (K, M, G, T count "
                + "1024s), at least 0 bytes", e.getMessage());
    }

    @Test
    void refuses_what_is_out_of_range_by_the_same_check() {
        IpcException e = assertThrows(IpcException.class, () -> Sizes.bytes("--size", "4", 8, 1 << 30));
        assertEquals("invalid --size '4': expected a size such as 4096, 64K or 1.5G (K, M, G, T count 1024s), "
                + "from 8 to 1073741824 bytes", e.getMessage());
    }

    /** Every byte-valued option of every command reads the same grammar and refuses with the same message. */
    @ParameterizedTest(name = "ipc {0}")
    @CsvSource(delimiter = ';', value = {
            "msg recv --id 0 --max-size; from 0 to 2147483631",
            "shm read --id 0 --offset; at least 0",
            "shm read --id 0 --length; at least 0",
            "shm write --id 0 --offset; at least 0",
            "shm demo --size; from 8 to 1073741824",
            "pipe-demo atomic --size; from 1 to 16777216",
            "pipe-demo capacity --size; from 1 to 2147483647",
            "sem tune --preset oracle --ram; at least 67108864"})
    void every_size_option_refuses_in_the_same_words(String line, String range) {
        String[] words = (line + " 1.5x").split(" ");
        CommandResult result = Ipc.run(words);
        String option = words[words.length - 2];
        assertEquals(2, result.exitCode(), result::toString);
        String message = "invalid " + option + " '1.5x': expected a size such as 4096, 64K or 1.5G (K, M, G, T "
                + "count 1024s), " + range + " bytes";
        assertEquals(true, result.err().contains(message), result::toString);
    }
}

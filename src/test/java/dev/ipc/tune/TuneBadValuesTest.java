// Every bad value is refused with one line and exit 2 before anything is written: no limit, no file.
package dev.ipc.tune;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(PrivateLimits.class)
class TuneBadValuesTest {
    static Stream<String> commandLines() {
        return Stream.of(
                "sem tune --semmni 0x10",           // hexadecimal to the kernel
                "sem tune --semmni 0777",           // octal to the kernel
                "sem tune --semmni 0128",           // refused by the kernel as octal
                "sem tune --semmsl -1",             // the kernel takes it; every semget then fails
                "sem tune --semopm -3",             // the kernel takes it; no limit at all then
                "sem tune --semmsl 0",
                "sem tune --semmns 2147483648",
                "sem tune --semopm 1.5",
                "sem tune --semmns 5abc",           // the kernel ignores text after a number
                "sem tune --semmni 32769",          // beyond IPCMNI
                "sem tune --semmsl 300 --semmni 0x10", // a good value before a bad one is not written either
                "sem tune 300 32000 100",           // three of four
                "sem tune 300 32000 100 128 7",
                "sem tune --semmsl 300 300 32000 100 128",
                "sem tune --semmsl 16K",
                "sem tune --preset postgresql --connections 0 --apply",
                "sem tune --preset mysql --apply",
                "sem tune --apply",
                "msg tune --msgmni 32769",
                "msg tune --msgmax 2147483648",
                "msg tune --msgmnb -5",
                "msg tune --msgmax 2G",             // a size, but beyond an int
                "msg tune --auto-msgmni 1",
                "shm tune --shmmax 18446744073709551616",
                "shm tune --shmmax 16E",
                "shm tune --shmall 4097B",           // not whole pages
                "shm tune --shmmni 32769",
                "shm tune --shmmax 1,5G",
                "shm tune --preset db2 --ram 0 --apply",
                "sem tune --preset db2 --ram 64 --apply");  // 64 bytes; 64G was meant
    }

    @ParameterizedTest
    @MethodSource("commandLines")
    void is_refused_before_anything_is_written(String commandLine, @TempDir Path dir) {
        Path file = dir.resolve("60-ipc-limits.conf");
        List<String> args = new ArrayList<>(Arrays.asList(commandLine.split(" ")));
        args.add("--persist=" + file);
        Map<String, String> before = PrivateLimits.read();

        CommandResult result = Ipc.run(args.toArray(new String[0]));

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out(), result.toString());
        assertTrue(result.err().startsWith("ipc: ") && result.err().indexOf('\n') == result.err().length() - 1,
                "not one line: " + result.err());
        assertEquals(before, PrivateLimits.read());
        assertFalse(Files.exists(file), "the sysctl.d file was written");
    }
}

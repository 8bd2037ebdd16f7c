// ipc shm read, write, lock and unlock on real segments: bytes in and out exactly, and never past the end.
package dev.ipc.shm;

import dev.ipc.cli.ExitCodes;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.IpcProcess;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import dev.ipc.support.Unprivileged;
import dev.ipc.libc.SharedMemoryCalls;
import dev.ipc.libc.SystemVCalls;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ShmCommandsTest {
    private static final int SIZE = 1000;
    private int segment;

    @BeforeEach
    void emptyNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        segment = Kernel.createSegment(0x5a5a, SIZE, 0600);
    }

    private String id() {
        return Integer.toString(segment);
    }

    private byte[] contents() {
        byte[] bytes = new byte[SIZE];
        try (var memory = SharedMemoryCalls.attach(segment, SIZE, true)) {
            memory.read(0, bytes, 0, SIZE);
        }
        return bytes;
    }

    @Test
    void writes_text_at_an_offset_and_reads_it_back_raw() {
        assertEquals(0, Ipc.run("shm", "write", "--id", id(), "--offset", "0x10", "héllo").exitCode());
        byte[] expected = new byte[SIZE];
        byte[] text = "héllo".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(text, 0, expected, 16, text.length);
        assertArrayEquals(expected, contents());
        IpcProcess.Result raw = IpcProcess.run(new byte[0], "shm", "read", "--key", "0x5a5a", "--offset", "16",
                "--length", Integer.toString(text.length), "--raw");
        assertEquals(0, raw.exitCode(), raw::toString);
        assertArrayEquals(text, raw.out());
    }

    @Test
    void hex_dump_is_byte_for_byte_what_hexdump_C_prints(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Processes.onPath("hexdump"), "hexdump is not installed (.ci/run installs it)");
        byte[] data = new byte[SIZE];
        new Random(7).nextBytes(data);
        for (int i = 200; i < 600; i++) {
            data[i] = 0; // repeated lines, which hexdump squeezes into '*'
        }
        Path file = dir.resolve("data");
        Files.write(file, data);
        assertEquals(0, Ipc.run("shm", "write", "--id", id(), "--file", file.toString()).exitCode());
        assertArrayEquals(data, contents());
        for (String[] range : new String[][] {{}, {"-s", "3", "-n", "40"}, {"-s", "190", "-n", "500"},
                {"-s", "999"}, {"-s", "17", "-n", "0"}}) {
            List<String> ours = new java.util.ArrayList<>(List.of("shm", "read", "--id", id()));
            List<String> theirs = new java.util.ArrayList<>(List.of("hexdump", "-C"));
            for (int i = 0; i < range.length; i += 2) {
                ours.add(range[i].equals("-s") ? "--offset" : "--length");
                ours.add(range[i + 1]);
                theirs.add(range[i]);
                theirs.add(range[i + 1]);
            }
            theirs.add(file.toString());
            assertEquals(Processes.run(theirs).out(), Ipc.run(ours.toArray(String[]::new)).out(),
                    String.join(" ", ours));
        }
    }

    @Test
    void writing_or_reading_past_the_end_exits_9_and_writes_nothing(@TempDir Path dir) throws Exception {
        CommandResult late = Ipc.run("shm", "write", "--id", id(), "--offset", "996", "hello");
        assertEquals(ExitCodes.OUT_OF_RANGE, late.exitCode(), late::toString);
        assertEquals("ipc: writing 5 bytes at offset 996 would pass the end of shared memory segment " + segment
                + " (1000 bytes: 4 from the offset)\n", late.err());
        Path big = dir.resolve("big");
        Files.write(big, new byte[SIZE + 1]);
        assertEquals(ExitCodes.OUT_OF_RANGE, Ipc.run("shm", "write", "--id", id(), "--file", big.toString())
                .exitCode());
        assertEquals(ExitCodes.OUT_OF_RANGE, Ipc.run("shm", "write", "--id", id(), "--offset", "1001", "")
                .exitCode());
        assertEquals(ExitCodes.OUT_OF_RANGE, Ipc.run("shm", "read", "--id", id(), "--offset", "990", "--length",
                "11").exitCode());
        assertArrayEquals(new byte[SIZE], contents(), "nothing was written");
        assertEquals(0, Ipc.run("shm", "write", "--id", id(), "--offset", "995", "hello").exitCode(),
                "up to the last byte is fine");
    }

    @Test
    void standard_input_longer_than_the_room_left_is_refused_whole() {
        IpcProcess.Result r = IpcProcess.run(new byte[2000], "shm", "write", "--id", id(), "--offset", "10");
        assertEquals(ExitCodes.OUT_OF_RANGE, r.exitCode(), r::toString);
        assertEquals("ipc: writing input of more than 990 bytes at offset 10 would pass the end of shared memory "
                + "segment " + segment + " (1000 bytes: 990 from the offset)\n", r.err());
        byte[] fits = new byte[990];
        java.util.Arrays.fill(fits, (byte) 'x');
        assertEquals(0, IpcProcess.run(fits, "shm", "write", "--id", id(), "--offset", "10").exitCode());
        assertEquals('x', contents()[999]);
    }

    @Test
    void lock_and_unlock_show_in_ls() {
        assertEquals(0, Ipc.run("shm", "lock", "--id", id()).exitCode());
        assertTrue(SystemVCalls.sharedMemorySegment(segment).orElseThrow().locked());
        assertTrue(Ipc.run("ls", "-m").out().contains("locked"));
        assertEquals(0, Ipc.run("shm", "unlock", "--id", id()).exitCode());
        assertFalse(SystemVCalls.sharedMemorySegment(segment).orElseThrow().locked());
    }

    @Test
    void lock_without_privilege_says_what_it_needs_and_exits_4() {
        Assumptions.assumeTrue(Unprivileged.unavailableReason() == null, Unprivileged::unavailableReason);
        Kernel.setSegmentOwner(segment, 0, 0, 0666);
        IpcProcess.Result r = IpcProcess.runUnprivileged("shm", "lock", "--id", id());
        assertEquals(ExitCodes.PERMISSION_DENIED, r.exitCode(), r::toString);
        assertEquals("ipc: permission denied: cannot lock shared memory segment " + segment + ": SHM_LOCK needs "
                + "CAP_IPC_LOCK, or to be the segment's owner or creator with a non-zero RLIMIT_MEMLOCK "
                + "(ulimit -l)\n", r.err());
        assertFalse(SystemVCalls.sharedMemorySegment(segment).orElseThrow().locked());
        IpcProcess.Result read = IpcProcess.runUnprivileged("shm", "read", "--id", id(), "--length", "4");
        assertEquals(0, read.exitCode(), "mode 0666 lets the user read: " + read);
    }

    @Test
    void missing_segments_and_bad_options_have_their_own_exit_codes() {
        assertEquals(ExitCodes.NOT_FOUND, Ipc.run("shm", "read", "--id", "4711").exitCode());
        assertEquals(ExitCodes.NOT_FOUND, Ipc.run("shm", "lock", "--key", "0x777").exitCode());
        assertEquals(ExitCodes.USAGE, Ipc.run("shm", "read", "--id", id(), "--offset", "x").exitCode());
        assertEquals(ExitCodes.USAGE, Ipc.run("shm", "write", "--id", id(), "--file", "/dev/null", "text")
                .exitCode());
        assertEquals(0, Ipc.run("shm", "set-perms", "--id", id(), "--mode", "640").exitCode());
        assertEquals(0640, SystemVCalls.sharedMemorySegment(segment).orElseThrow().permissions());
    }
}

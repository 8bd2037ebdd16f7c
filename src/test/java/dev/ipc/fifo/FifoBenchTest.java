// ipc fifo bench: client processes against a server it starts, or one already running; its one-line report.
package dev.ipc.fifo;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(300)
class FifoBenchTest {
    private static final Pattern REPORT = Pattern.compile("clients=(\\d+) requests=(\\d+) seconds=\\d+\\.\\d{3} "
            + "rate=\\d+/s p50=[\\d.]+(us|ms) p99=[\\d.]+(us|ms) max=[\\d.]+(us|ms) errors=(\\d+)\n");

    @TempDir
    Path tmp;

    @Test
    void measures_a_server_it_starts_and_stops_it_after() throws IOException {
        Path dir = tmp.resolve("fifo");
        CommandResult result = Ipc.run("fifo", "bench", "--dir", dir.toString(), "--clients", "3", "--requests", "200",
                "--start-server");
        assertEquals(0, result.exitCode(), result.toString());
        Matcher report = REPORT.matcher(result.out());
        assertTrue(report.matches(), result.out());
        assertEquals("3", report.group(1));
        assertEquals("600", report.group(2));
        assertEquals("0", report.group(6));
        // The server removed its FIFO, every client its own.
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void measures_a_running_server_and_every_sequence_number_is_counted() {
        Path dir = tmp.resolve("fifo");
        try (ChildProcess server = ChildProcess.ipc("fifo", "serve", "--dir", dir.toString())) {
            server.awaitErr("listening on ");
            CommandResult result = Ipc.run("fifo", "bench", "--dir", dir.toString(), "--clients", "2",
                    "--requests", "100");
            assertEquals(0, result.exitCode(), result.toString());
            assertTrue(REPORT.matcher(result.out()).matches(), result.out());
            // 200 bench requests took numbers 0..199; the next is 200.
            CommandResult next = Ipc.run("fifo", "send", "--dir", dir.toString(), "seq");
            assertEquals(new CommandResult(0, "200\n", ""), next);
        }
    }

    @Test
    void without_a_server_it_says_so() {
        Path dir = tmp.resolve("none");
        CommandResult result = Ipc.run("fifo", "bench", "--dir", dir.toString());
        assertEquals(new CommandResult(1, "", "ipc: no server: nobody reads " + dir.resolve("server.fifo")
                + " (start one with 'ipc fifo serve', or use --start-server)\n"), result);
    }

    @Test
    void percentiles_are_nearest_rank() {
        long[] sorted = new long[100];
        for (int i = 0; i < 100; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(50, FifoBenchCommand.percentile(sorted, 50));
        assertEquals(99, FifoBenchCommand.percentile(sorted, 99));
        assertEquals(7, FifoBenchCommand.percentile(new long[] {7}, 99));
        assertEquals("52.3us", FifoBenchCommand.latency(52_300));
        assertEquals("1.20ms", FifoBenchCommand.latency(1_200_000));
    }
}

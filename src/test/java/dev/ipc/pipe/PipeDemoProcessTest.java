// The pipe demos run as ipc's own program, as a lab runs them: the children then read our stdin and write
// our stdout themselves, byte for byte, while the story and the trace go to stderr.
package dev.ipc.pipe;

import dev.ipc.cli.SelfCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PipeDemoProcessTest {
    record Run(int exitCode, byte[] out, String err) {
        String text() {
            return new String(out, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + text() + "--- stderr\n" + err;
        }
    }

    /** Runs ipc with the given stdin, in dir; bounded by a timeout, killed if it runs over. */
    private static Run ipc(Path dir, byte[] stdin, String... args) throws Exception {
        List<String> line = new ArrayList<>(List.of("pipe-demo"));
        line.addAll(List.of(args));
        Process process = new ProcessBuilder(SelfCommand.of(line.toArray(new String[0])))
                .directory(dir.toFile()).start();
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("ipc " + line + " still running after 60 s");
        }
        return new Run(process.exitValue(), out.get(), new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void ls_into_more_prints_the_listing_on_stdout_as_cat_would(@TempDir Path dir) throws Exception {
        Files.createFile(dir.resolve("b"));
        Files.createFile(dir.resolve("a"));
        Run run = ipc(dir, new byte[0], "pipeline");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("a\nb\n", run.text());
        assertTrue(run.err().startsWith("pipeline: ls | more (2 stages, 1 pipe)\n"), run::toString);
    }

    @Test
    void the_last_stage_writes_our_stdout_byte_for_byte(@TempDir Path dir) throws Exception {
        Run run = ipc(dir, new byte[0], "pipeline", "--", "printf", "\\001\\377\\000x\\n", "|", "cat");
        assertEquals(0, run.exitCode(), run::toString);
        assertArrayEquals(new byte[] {1, (byte) 0xff, 0, 'x', '\n'}, run.out());
    }

    @Test
    void the_first_stage_reads_our_stdin(@TempDir Path dir) throws Exception {
        Run run = ipc(dir, "b\na\n".getBytes(StandardCharsets.US_ASCII), "pipeline", "--", "sort", "|", "cat");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("a\nb\n", run.text());
    }

    @Test
    void popen_w_copies_our_stdin_into_the_command(@TempDir Path dir) throws Exception {
        Run run = ipc(dir, "b\na\n".getBytes(StandardCharsets.US_ASCII), "popen", "--mode", "w", "sort");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("a\nb\n", run.text());
        assertTrue(run.err().contains("parent: wrote 4 bytes into the command\n"), run::toString);
        assertTrue(run.err().endsWith("pclose() = 0: the command exited with status 0 (WEXITSTATUS 0)\n"),
                run::toString);
    }

    @Test
    void popen_r_copies_the_commands_bytes_to_our_stdout(@TempDir Path dir) throws Exception {
        Run run = ipc(dir, new byte[0], "popen", "--mode", "r", "printf '\\377\\000'; exit 2");
        assertEquals(1, run.exitCode(), run::toString);
        assertArrayEquals(new byte[] {(byte) 0xff, 0}, run.out());
        assertTrue(run.err().contains("pclose() = 512: the command exited with status 2"), run::toString);
    }

    @Test
    void popen_r_stops_reading_once_our_own_stdout_is_closed(@TempDir Path dir) throws Exception {
        Process process = new ProcessBuilder(SelfCommand.of("pipe-demo", "popen", "--mode", "r", "yes"))
                .directory(dir.toFile()).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        process.getOutputStream().close();
        try (InputStream out = process.getInputStream()) {
            assertEquals("y\n", new String(out.readNBytes(2), StandardCharsets.US_ASCII));
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("popen of yes went on after its reader had gone");
        }
        String story = new String(err.get(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), story);
        assertTrue(story.contains("then stopped: our own stdout was closed (EPIPE)"), story);
    }

    @Test
    void the_trace_goes_to_stderr_and_leaves_stdout_to_the_data(@TempDir Path dir) throws Exception {
        Run run = ipc(dir, new byte[0], "pipeline", "--trace", "--", "echo", "data");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals("data\n", run.text());
        assertTrue(run.err().contains(": execve(\"/"), run::toString);
    }
}

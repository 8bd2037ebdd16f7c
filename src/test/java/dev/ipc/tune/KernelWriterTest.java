// When the kernel refuses a value, every file written is put back as it was.
package dev.ipc.tune;

import dev.ipc.cli.IpcException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(PrivateLimits.class)
class KernelWriterTest {
    private static final Path SEM = Path.of("/proc/sys/kernel/sem");
    private static final String DEFAULT_SEM = PrivateLimits.DEFAULTS.get("sem");

    /** Why the writer restores: alone, the kernel keeps the fields it parsed before SEMMNI failed. */
    @Test
    void the_kernel_keeps_part_of_a_refused_sem_line() {
        assertThrows(IOException.class, () -> {
            try (FileOutputStream out = new FileOutputStream(SEM.toFile())) {
                out.write("1 2 3 40000\n".getBytes(StandardCharsets.US_ASCII));
            }
        });
        assertEquals("1 2 3 32000", PrivateLimits.read("sem"));
    }

    @Test
    void a_refused_sem_line_leaves_the_previous_values() {
        IpcException e = assertThrows(IpcException.class, () -> KernelWriter.apply(List.of(
                new KernelWriter.Write("kernel.sem", SEM, DEFAULT_SEM, "1 2 3 40000"))));

        assertEquals(1, e.exitCode());
        assertTrue(e.getMessage().startsWith("the kernel refused kernel.sem = 1 2 3 40000: Numerical result out of "
                + "range; the previous values are restored"), e.getMessage());
        assertEquals(DEFAULT_SEM, PrivateLimits.read("sem"));
    }

    @Test
    void a_refused_file_restores_the_files_written_before_it() {
        Path kernel = Path.of("/proc/sys/kernel");
        IpcException e = assertThrows(IpcException.class, () -> KernelWriter.apply(List.of(
                new KernelWriter.Write("kernel.msgmax", kernel.resolve("msgmax"), "8192", "65536"),
                new KernelWriter.Write("kernel.msgmni", kernel.resolve("msgmni"), "32000", "40000"))));

        assertTrue(e.getMessage().contains("kernel.msgmni = 40000: Invalid argument"), e.getMessage());
        assertEquals("8192", PrivateLimits.read("msgmax"));
        assertEquals("32000", PrivateLimits.read("msgmni"));
    }

    @Test
    void writes_values_the_kernel_takes() {
        KernelWriter.apply(List.of(new KernelWriter.Write("kernel.sem", SEM, DEFAULT_SEM, "250 32000 100 128")));
        assertEquals("250 32000 100 128", PrivateLimits.read("sem"));
    }
}

// Export and raw cells are escaped so that sh and lsipc's readers get the text back.
package dev.ipc.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TableRendererTest {
    @Test
    void export_cells_come_back_unchanged_from_sh_eval() throws IOException, InterruptedException {
        // ASCII only: arguments reach sh in the test JVM's locale
        String[] cells = {"plain", "", "a$b", "q\"uote", "back`tick`", "back\\slash", "$HOME \\\" `x` $"};
        for (String cell : cells) {
            String line = "NAME=\"" + TableRenderer.escapeExport(cell) + "\"";
            Process sh = new ProcessBuilder("sh", "-c", "eval \"$1\"; printf %s \"$NAME\"", "sh", line)
                    .redirectErrorStream(true).start();
            String back = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, sh.waitFor());
            assertEquals(cell, back, line);
        }
    }

    @Test
    void cells_with_nothing_to_escape_are_not_copied() {
        String cell = "rw-r--r--";
        assertSame(cell, TableRenderer.escapeExport(cell));
        assertSame(cell, TableRenderer.escapeRaw(cell));
        assertEquals("a\\x20b\\x5cc", TableRenderer.escapeRaw("a b\\c"));
    }
}

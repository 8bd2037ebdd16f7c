// Export and raw cells are escaped as lsipc escapes them: inert in sh's eval, \xNN for what sh would expand.
package dev.ipc.render;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TableRendererTest {
    @Test
    void export_cells_are_inert_in_sh_eval_and_decode_back_as_lsipc_writes_them()
            throws IOException, InterruptedException {
        // ASCII only: arguments reach sh in the test JVM's locale
        String[] cells = {"plain", "", "a$b", "q\"uote", "back`tick`", "back\\slash", "$HOME \\\" `x` $"};
        for (String cell : cells) {
            String escaped = TableRenderer.escapeExport(cell);
            String line = "NAME=\"" + escaped + "\"";
            Process sh = new ProcessBuilder("sh", "-c", "eval \"$1\"; printf %s \"$NAME\"", "sh", line)
                    .redirectErrorStream(true).start();
            String back = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, sh.waitFor());
            // sh expands nothing and runs nothing: the value is the escaped text, which \xNN decoding turns back
            assertEquals(escaped, back, line);
            assertEquals(cell, decodeHex(back), line);
        }
        assertEquals("a\\x24b \\x22q\\x22 \\x60t\\x60 \\x5c", TableRenderer.escapeExport("a$b \"q\" `t` \\"));
    }

    private static String decodeHex(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\x", i) && i + 4 <= text.length()) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 4), 16));
                i += 3;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }

    @Test
    void cells_with_nothing_to_escape_are_not_copied() {
        String cell = "rw-r--r--";
        assertSame(cell, TableRenderer.escapeExport(cell));
        assertSame(cell, TableRenderer.escapeRaw(cell));
        assertEquals("a\\x20b\\x5cc", TableRenderer.escapeRaw("a b\\c"));
    }
}

// ipc top in a real terminal (tmux): what the screen shows, the keys, a resize, and the terminal as found on exit.
package dev.ipc.top;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Tmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TopTerminalTest {
    @TempDir
    Path directory;

    private Tmux tmux;

    @BeforeEach
    void emptyNamespace() {
        Isolation.requirePrivateIpcNamespace();
        Assumptions.assumeTrue(Tmux.available(), "needs tmux (apt-get install tmux)");
        Kernel.removeAll();
    }

    @AfterEach
    void stopTmux() {
        if (tmux != null) {
            tmux.close();
        }
        Kernel.removeAll();
    }

    private void top(int columns, int rows, String... args) {
        List<String> line = new ArrayList<>(List.of("top"));
        line.addAll(List.of(args));
        tmux = Tmux.start(directory, columns, rows, SelfCommand.of(line.toArray(new String[0])));
        tmux.awaitScreen("q quit");
    }

    /** The screen's line that starts with the queue's id, as a list of its cells. */
    private static List<String> queueRow(String screen, int id) {
        for (String line : screen.split("\n")) {
            if (line.matches(id + " +0x[0-9a-f]{8} .*")) {
                return List.of(line.trim().split(" +"));
            }
        }
        return List.of();
    }

    @Test
    void messages_sent_show_on_the_next_frames_with_their_rate() {
        int queue = Kernel.createQueue(0x7001, 0600);
        top(120, 30, "--interval", "1s", "--kind", "msg");
        String before = tmux.awaitScreen("0x00007001");
        assertEquals("0", queueRow(before, queue).get(4), before); // MSGS

        Kernel.send(queue, 1, "hello");
        Kernel.send(queue, 1, "world");
        String[] screen = {""};
        dev.ipc.support.Await.until(() -> queueRow(screen[0] = tmux.screen(), queue).get(4).equals("2"),
                "2 messages on the screen");
        List<String> row = queueRow(screen[0], queue);
        assertEquals("10B", row.get(5), screen[0]); // BYTES
        // the frame that first shows them shows the rise since the frame before, for its whole second
        assertTrue(row.get(6).startsWith("+"), "MSG/S:\n" + screen[0]);
        assertTrue(row.get(7).startsWith("+"), "BYTE/S:\n" + screen[0]);
        tmux.sendKeys("q");
        tmux.awaitScreen("exit=0");
    }

    @Test
    void q_leaves_the_terminal_as_it_was() {
        Kernel.createQueue(0x7002, 0600);
        top(100, 24);
        assertEquals("1", tmux.pane("#{alternate_on}"), "ipc top draws on the alternate screen");
        assertEquals("0", tmux.pane("#{cursor_flag}"), "the cursor is hidden while it draws");

        tmux.sendKeys("q");
        String screen = tmux.awaitScreen("exit=0");
        assertEquals("0", tmux.pane("#{alternate_on}"), "back on the main screen");
        assertEquals("1", tmux.pane("#{cursor_flag}"), "the cursor is shown again");
        List<String> modes = tmux.modesBeforeAndAfter();
        assertEquals(modes.get(0), modes.get(1), "stty -g before and after");
        assertFalse(screen.contains("Message queues"), "the view is gone with the alternate screen:\n" + screen);
        assertFalse(screen.contains("\u001b") || screen.contains("[?"), "no stray escape codes:\n" + screen);
        assertFalse(Pattern.compile("\u001b\\[[0-9;]*m").matcher(lastLine(tmux.screenWithAttributes())).find(),
                "no attribute left on after exit");
    }

    private static String lastLine(String screen) {
        String[] lines = screen.strip().split("\n");
        return lines[lines.length - 1];
    }

    @Test
    void ctrl_c_quits_and_restores_the_terminal() {
        top(100, 24);
        tmux.sendKeys("C-c");
        tmux.awaitScreen("exit=0");
        assertEquals("0", tmux.pane("#{alternate_on}"));
        assertEquals("1", tmux.pane("#{cursor_flag}"));
        List<String> modes = tmux.modesBeforeAndAfter();
        assertEquals(modes.get(0), modes.get(1), "stty -g before and after");
    }

    @Test
    void a_resize_redraws_at_the_new_size_and_counts_the_rows_that_do_not_fit() {
        for (int i = 0; i < 30; i++) {
            Kernel.createQueue(0x7100 + i, 0600);
        }
        top(120, 50, "--kind", "msg");
        String tall = tmux.awaitScreen("Message queues: 30");
        assertFalse(tall.contains("more)"), tall);

        tmux.resize(70, 16);
        String[] screen = {""};
        dev.ipc.support.Await.until(() -> (screen[0] = tmux.screen()).contains("more)"), "a count of rows left out");
        String[] lines = screen[0].split("\n", -1);
        assertTrue(screen[0].contains("Message queues: 30  (+"), screen[0]);
        int shown = 0;
        for (String line : lines) {
            assertTrue(line.length() <= 70, "no line wider than the terminal: " + line);
            shown += line.matches("[0-9]+ +0x.*") ? 1 : 0;
        }
        int more = Integer.parseInt(screen[0].replaceAll("(?s).*\\(\\+([0-9]+) more\\).*", "$1"));
        assertEquals(30, shown + more, screen[0]);
        assertTrue(lines[15].startsWith("q quit"), "the key help is on the last of 16 lines:\n" + screen[0]);
        tmux.sendKeys("q");
        tmux.awaitScreen("exit=0");
    }

    @Test
    void keys_show_one_kind_and_change_the_sort() {
        Kernel.createQueue(0x7003, 0600);
        Kernel.createSemaphores(0x7004, 2, 0600);
        top(120, 30);
        tmux.awaitScreen("Semaphore sets: 1");
        tmux.sendKeys("3");
        String onlySets = tmux.awaitScreen("VALUES");
        dev.ipc.support.Await.until(() -> !tmux.screen().contains("Message queues"), "queues hidden");
        assertTrue(onlySets.contains("0x00007004"), onlySets);

        tmux.sendKeys(">");
        tmux.awaitScreen("sort owner");
        tmux.sendKeys("r");
        tmux.awaitScreen("sort owner (reversed)");
        tmux.sendKeys("a");
        tmux.awaitScreen("Message queues: 1");
        tmux.sendKeys("q");
        tmux.awaitScreen("exit=0");
    }
}

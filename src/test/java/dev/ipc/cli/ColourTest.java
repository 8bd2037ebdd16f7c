// Colour where it helps a person read: help, errors and warnings, and the limits table of ls -g; on a terminal
// only, never with NO_COLOR or --color=never, always with --color=always, and never in ipcs, JSON, export or raw.
package dev.ipc.cli;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import dev.ipc.support.Kernel;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ColourTest {
    private static final String ESC = "\u001b[";

    @Test
    void errors_and_warnings_are_coloured_with_color_always_and_plain_otherwise() {
        CommandResult error = Ipc.run("--color=always", "ls", "--bogus");
        assertEquals(1, error.exitCode());
        assertEquals("\u001b[1mipc:\u001b[0m \u001b[31mUnknown option: '--bogus' (see 'ipc ls --help')\u001b[0m\n",
                error.err());
        CommandResult warning = Ipc.run("ls", "-q", "-i", "2147483647", "--color=always");
        assertEquals(0, warning.exitCode());
        assertEquals("\u001b[1mipc:\u001b[0m \u001b[33mid 2147483647 not found\u001b[0m\n", warning.err());
        // Output that is not a terminal stays plain without the option
        assertEquals("ipc: Unknown option: '--bogus' (see 'ipc ls --help')\n", Ipc.run("ls", "--bogus").err());
        assertEquals("ipc: id 2147483647 not found\n", Ipc.run("ls", "-q", "-i", "2147483647").err());
    }

    @Test
    void commands_that_report_and_go_on_colour_each_line_the_same_way() {
        Isolation.requirePrivateIpcNamespace();
        // tune refuses four lowered limits (and changes nothing): three lines, then the failure itself
        CommandResult refused = Ipc.run("sem", "tune", "250", "32000", "100", "128", "--color=always");
        assertEquals(1, refused.exitCode(), refused::toString);
        List<String> lines = refused.err().lines().toList();
        assertEquals(4, lines.size(), refused::toString);
        for (String line : lines) {
            assertTrue(line.startsWith("\u001b[1mipc:\u001b[0m \u001b[31mrefusing: lowering SEM"), line);
        }
        CommandResult removal = Ipc.run("rm", "-q", "2147483647", "--color=always");
        assertEquals("\u001b[1mipc:\u001b[0m \u001b[31minvalid id (2147483647)\u001b[0m\n", removal.err());
        assertEquals("ipc: invalid id (2147483647)\n", Ipc.run("rm", "-q", "2147483647").err());
    }

    @Test
    void a_segment_marked_for_destruction_is_red_in_the_lsipc_table_only() {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        int kept = Kernel.createSegment(0x7300, 4096, 0600);
        int doomed = Kernel.createSegment(0x7301, 4096, 0600);
        long address = Kernel.attach(doomed);
        try {
            Kernel.removeSegment(doomed); // attached: only marked, key 0, status dest
            List<String> rows = Ipc.run("ls", "-m", "-o", "ID,STATUS", "--color=always").out().lines().toList();
            String marked = line(rows, doomed + " dest");
            assertTrue(marked.startsWith("\u001b[1;31m") && marked.endsWith("\u001b[0m"), marked);
            assertEquals(String.valueOf(kept), line(rows, String.valueOf(kept)).trim(), "a live segment is plain");
            assertFalse(Ipc.run("ls", "-m", "--color=always").out().contains(ESC), "ipcs output is byte for byte");
        } finally {
            Kernel.detach(address);
            Kernel.removeAll();
        }
    }

    @Test
    void help_takes_picocli_colours_only_when_asked_or_on_a_terminal() {
        assertTrue(Ipc.run("--color=always", "--help").out().contains(ESC));
        assertTrue(Ipc.run("ls", "--help", "--color=always").out().contains(ESC));
        assertTrue(Ipc.run("--color=always", "help", "ls").out().contains(ESC));
        assertFalse(Ipc.run("--help").out().contains(ESC));
        assertFalse(Ipc.run("--color=never", "ls", "--help").out().contains(ESC));
    }

    @Test
    void a_bad_color_value_is_a_usage_error_naming_it() {
        CommandResult root = Ipc.run("--color=sometimes", "--help");
        assertEquals(2, root.exitCode());
        assertEquals("ipc: Invalid value for option '--color': 'sometimes' is not auto, always or never "
                + "(see 'ipc --help')\n", root.err());
        for (String command : new String[] {"ls", "mk", "rm", "sem"}) {
            assertEquals(2, Ipc.run(command, "--color=bogus").exitCode(),
                    command + ": ipcs, ipcmk and ipcrm have no --color, so ls, mk and rm need not exit 1 for it");
        }
        assertEquals(1, Ipc.run("ls", "--bogus").exitCode(), "ls keeps ipcs's exit code for what ipcs refuses");
    }

    @Test
    void ls_g_and_tune_mark_a_full_limit_in_red_and_a_nearly_full_one_in_yellow() throws IOException {
        Isolation.requirePrivateIpcNamespace();
        Kernel.removeAll();
        Path msgmni = Path.of("/proc/sys/kernel/msgmni");
        Path shmmni = Path.of("/proc/sys/kernel/shmmni");
        // readLine: Files.readString has been seen to return one byte of a /proc/sys file on JDK 17
        String oldQueues = firstLine(msgmni);
        String oldSegments = firstLine(shmmni);
        List<Integer> segments = new ArrayList<>();
        try {
            Files.writeString(msgmni, "2");
            Files.writeString(shmmni, "10");
            Kernel.createQueue(0x7100, 0600);
            Kernel.createQueue(0x7101, 0600);
            for (int i = 0; i < 9; i++) {
                segments.add(Kernel.createSegment(0x7200 + i, 4096, 0600));
            }
            CommandResult coloured = Ipc.run("ls", "-g", "--color=always");
            assertEquals(0, coloured.exitCode(), coloured::toString);
            List<String> lines = coloured.out().lines().toList();
            String full = line(lines, "MSGMNI");
            String nearly = line(lines, "SHMMNI");
            assertTrue(full.startsWith("\u001b[1;31mMSGMNI ") && full.endsWith("100.00%\u001b[0m"), full);
            assertTrue(nearly.startsWith("\u001b[33mSHMMNI ") && nearly.endsWith("90.00%\u001b[0m"), nearly);
            assertFalse(line(lines, "SEMMNI").contains(ESC), "a limit with room is plain");
            assertFalse(line(lines, "RESOURCE").contains(ESC), "the heading is plain");

            // Without the escapes, the table is the one printed without colour, to the byte
            String plain = Ipc.run("ls", "-g").out();
            assertEquals(plain, coloured.out().replaceAll("\u001b\\[[0-9;]*m", ""));
            for (String format : new String[] {"--json", "--export", "--raw"}) {
                CommandResult machine = Ipc.run("ls", "-g", format, "--color=always");
                assertEquals(Ipc.run("ls", "-g", format).out(), machine.out(), format);
                assertFalse(machine.out().contains(ESC), format + " is for programs: never coloured");
            }
            // the tune commands mark the same limits in their table
            String tune = Ipc.run("msg", "tune", "--color=always").out();
            assertTrue(tune.lines().anyMatch(l -> l.startsWith("\u001b[1;31mMSGMNI ")), tune);
            assertFalse(Ipc.run("msg", "tune", "--json", "--color=always").out().contains(ESC), "JSON is plain");
            assertFalse(Ipc.run("ls", "--color=always").out().contains(ESC), "ipcs output is byte for byte");
            assertFalse(Ipc.run("ls", "-l", "--color=always").out().contains(ESC), "ipcs output is byte for byte");
        } finally {
            for (int segment : segments) {
                Kernel.removeSegment(segment);
            }
            Kernel.removeAll();
            Files.writeString(msgmni, oldQueues);
            Files.writeString(shmmni, oldSegments);
        }
        assertEquals(oldQueues, firstLine(msgmni), "msgmni restored");
        assertEquals(oldSegments, firstLine(shmmni), "shmmni restored");
    }

    @Test
    void on_a_terminal_colour_is_on_unless_no_color_or_never() {
        Assumptions.assumeTrue(Processes.onPath("script"), "script (util-linux) is not installed");
        String warning = "ls -q -i 2147483647";
        assertTrue(onTerminal(warning, Map.of()).contains("\u001b[33mid 2147483647 not found"));
        assertEquals("ipc: id 2147483647 not found\r\n", onTerminal(warning, Map.of("NO_COLOR", "1")));
        assertEquals("ipc: id 2147483647 not found\r\n", onTerminal(warning + " --color=never", Map.of()));
        assertEquals("ipc: id 2147483647 not found\r\n", onTerminal(warning, Map.of("TERM", "dumb")));
        assertTrue(onTerminal(warning + " --color=always", Map.of("NO_COLOR", "1")).contains(ESC),
                "--color=always wins over NO_COLOR");
        assertTrue(onTerminal("--help", Map.of()).contains(ESC), "help in colour on a terminal");
    }

    @Test
    void the_start_up_path_loads_neither_jansi_nor_the_documentation_generators() {
        for (String[] args : List.of(new String[] {"ls"}, new String[] {"ls", "-g", "--color=always"},
                new String[] {"--help", "--color=always"}, new String[] {"ls", "--bogus", "--color=always"})) {
            List<String> command = new ArrayList<>(SelfCommand.of(args));
            command.add(1, "-Xlog:class+load=info:stdout");
            CommandResult run = Processes.run(command);
            assertTrue(run.out().contains("dev.ipc.CommandTree"), "the class log was read");
            assertFalse(run.out().contains("org.fusesource.jansi"), () -> String.join(" ", args) + " loaded jansi");
            assertFalse(run.out().contains("dev.ipc.docs."), () -> String.join(" ", args) + " loaded dev.ipc.docs");
            assertFalse(run.out().contains("picocli.AutoComplete"), () -> String.join(" ", args) + " AutoComplete");
        }
    }

    private static String firstLine(Path file) throws IOException {
        try (java.io.BufferedReader reader = Files.newBufferedReader(file)) {
            return reader.readLine().trim();
        }
    }

    /** Runs ipc in a child process whose standard output and error are a pseudo-terminal. */
    private static String onTerminal(String arguments, Map<String, String> environment) {
        StringBuilder command = new StringBuilder();
        for (String word : SelfCommand.of()) {
            command.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        command.append(arguments);
        Map<String, String> env = new java.util.HashMap<>(Map.of("TERM", "xterm", "NO_COLOR", ""));
        env.putAll(environment);
        CommandResult result = Processes.run(List.of("script", "-qec", command.toString(), "/dev/null"), env, null);
        return result.out();
    }

    /** The line that starts with these words (after any colour and padding). */
    private static String line(List<String> lines, String start) {
        return lines.stream().filter(l -> (l.replaceAll("\u001b\\[[0-9;]*m", "").trim() + " ").startsWith(start + " "))
                .findFirst().orElseThrow(() -> new AssertionError(start + " missing from " + lines));
    }
}

// The root command: help lists the subcommands, --version, and usage errors in one line with exit code 2.
package dev.ipc;

import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Isolation;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RootCommandTest {
    @Test
    void help_lists_every_subcommand() {
        CommandResult result = Ipc.run("--help");
        assertEquals(0, result.exitCode());
        for (String name : CommandTree.NAMES) {
            assertTrue(result.out().contains("\n  " + name + " "), () -> name + " missing from\n" + result.out());
        }
    }

    @Test
    void version_is_the_one_maven_built() throws Exception {
        String pom = Files.readString(Path.of(System.getProperty("ipc.project.dir"), "pom.xml"));
        String version = pom.substring(pom.indexOf("<version>") + 9, pom.indexOf("</version>"));
        assertEquals("ipc " + version + "\n", Ipc.run("--version").out());
        assertEquals("ipc " + version + "\n", Ipc.run("ls", "--version").out());
    }

    @Test
    void no_command_is_a_usage_error() {
        CommandResult result = Ipc.run();
        assertEquals(2, result.exitCode());
        assertEquals("ipc: no command given (see 'ipc --help')\n", result.err());
        // answered without picocli's root model: as picocli answers a line with only a root option
        assertEquals(Ipc.run("--color=never").toString(), result.toString());
    }

    @Test
    void an_unknown_command_is_a_usage_error_naming_it() {
        CommandResult result = Ipc.run("frobnicate");
        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().lines().count(), result::toString);
        assertEquals("ipc: unknown command 'frobnicate' (see 'ipc --help')\n", result.err());
    }

    @Test
    void a_mistyped_command_option_or_kind_gets_a_suggestion() {
        assertEquals(new CommandResult(2, "", "ipc: unknown command 'lss'; did you mean 'ls'? (see 'ipc --help')\n"),
                Ipc.run("lss"));
        assertEquals(new CommandResult(2, "", "ipc: unknown command 'fifo sned'; did you mean 'fifo send'? "
                + "(see 'ipc fifo --help')\n"), Ipc.run("fifo", "sned", "ping"));
        assertEquals(new CommandResult(1, "", "ipc: unknown argument: --orphan; did you mean '--orphans'?\n"),
                Ipc.run("rm", "-a", "--orphan"));
        assertEquals(new CommandResult(2, "", "ipc: Unknown option: '--jsn'; did you mean '--json'? "
                + "(see 'ipc sem get --help')\n"), Ipc.run("sem", "get", "--jsn"));
    }

    @Test
    void help_nosuch_and_nosuch_say_the_same() {
        CommandResult help = Ipc.run("help", "nosuch");
        assertEquals(new CommandResult(2, "", "ipc: unknown command 'nosuch' (see 'ipc --help')\n"), help);
        assertEquals(help, Ipc.run("nosuch"));
        assertEquals(new CommandResult(2, "", "ipc: unknown command 'sem nosuch' (see 'ipc sem --help')\n"),
                Ipc.run("help", "sem", "nosuch"));
    }

    @Test
    void an_unknown_command_with_help_is_an_error_not_the_roots_help() {
        assertEquals(new CommandResult(2, "", "ipc: unknown command 'nosuch' (see 'ipc --help')\n"),
                Ipc.run("nosuch", "--help"));
        assertEquals(2, Ipc.run("sem", "nosuch", "--help").exitCode());
    }

    @Test
    void ls_keeps_ipcs_exit_code_for_an_unknown_option() {
        CommandResult result = Ipc.run("ls", "--bogus");
        assertEquals(1, result.exitCode());
        assertEquals("ipc: Unknown option: '--bogus' (see 'ipc ls --help')\n", result.err());
    }

    @Test
    void debug_shows_the_stack_trace_that_is_otherwise_hidden() {
        CommandResult quiet = Ipc.run("ls", "-i", "x", "-q");
        CommandResult debug = Ipc.run("--debug", "ls", "-i", "x", "-q");
        assertEquals(1, quiet.err().lines().count(), quiet::toString);
        assertTrue(debug.err().lines().count() > 3 && debug.err().contains("at dev.ipc."), debug::toString);
        assertEquals(quiet.exitCode(), debug.exitCode());
    }

    @Test
    void debug_is_taken_anywhere_on_the_line_and_listed_in_help() {
        Isolation.requirePrivateIpcNamespace();
        for (String[] line : new String[][] {{"ls", "--debug", "-l"}, {"ls", "-l", "--debug"}, {"--debug", "ls", "-l"}}) {
            CommandResult result = Ipc.run(line);
            assertEquals(0, result.exitCode(), result::toString);
            assertEquals("", result.err());
            assertEquals(Ipc.run("ls", "-l").out(), result.out());
        }
        CommandResult missing = Ipc.run("sem", "get", "--id", "2147483647", "--debug");
        assertEquals(3, missing.exitCode(), missing::toString);
        assertTrue(missing.err().startsWith("ipc: no semaphore set with id 2147483647\n"), missing.err());
        assertTrue(missing.err().contains("\tat dev.ipc."), "--debug shows the stack trace: " + missing.err());
        assertTrue(Ipc.run("--help").out().contains("--debug"), "ipc --help lists --debug");
    }
}

// Help for every command and option, with examples where a person needs them, as wide as the terminal says.
package dev.ipc;

import dev.ipc.cli.CommandSpecs;
import dev.ipc.cli.HelpLayout;
import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HelpTest {
    @Test
    void every_command_option_and_parameter_is_described() {
        List<String> undescribed = new ArrayList<>();
        walk(CommandTree.full(), undescribed);
        assertEquals(List.of(), undescribed);
    }

    private static void walk(CommandLine command, List<String> undescribed) {
        CommandSpec spec = command.getCommandSpec();
        if (spec.usageMessage().description().length == 0 && spec.usageMessage().header().length == 0) {
            undescribed.add(spec.qualifiedName());
        }
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && String.join("", option.description()).isBlank()) {
                undescribed.add(spec.qualifiedName() + " " + option.longestName());
            }
        }
        for (PositionalParamSpec positional : spec.positionalParameters()) {
            if (!positional.hidden() && String.join("", positional.description()).isBlank()) {
                undescribed.add(spec.qualifiedName() + " " + positional.paramLabel());
            }
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            walk(sub, undescribed);
        }
    }

    /** ipc --help builds each command's name and summary only; it must print what the full models would. */
    @ParameterizedTest
    @ValueSource(ints = {55, 60, 80, 100})
    void the_root_help_is_the_full_trees_at_every_width(int width) {
        for (CommandLine.Help.Ansi ansi : CommandLine.Help.Ansi.values()) {
            assertEquals(rootHelp(CommandTree.full(), width, ansi),
                    rootHelp(CommandTree.forArguments("--help"), width, ansi), ansi + " at " + width);
        }
    }

    /** ipc --help and -h are written without picocli (RootHelp): byte for byte picocli's, at every width. */
    @Test
    void the_root_help_without_picocli_is_picoclis_at_every_width_and_colour() {
        // every width help is laid out at (COLUMNS and terminals are held to 55-100), and one beyond
        for (int width = 55; width <= HelpLayout.PROSE + 20; width += width < HelpLayout.PROSE ? 1 : 20) {
            for (CommandLine.Help.Ansi ansi : new CommandLine.Help.Ansi[] {CommandLine.Help.Ansi.OFF,
                    CommandLine.Help.Ansi.ON}) {
                assertEquals(rootHelp(CommandTree.full(), width, ansi),
                        RootHelp.render(width, ansi == CommandLine.Help.Ansi.ON), ansi + " at " + width);
            }
        }
    }

    /** RootHelp breaks lines where picocli's BreakIterator does, in every text it wraps (beyond the widths above). */
    @Test
    void the_root_help_breaks_lines_where_picocli_does() {
        List<String> texts = new ArrayList<>(List.of(HelpTopicCommand.SUMMARY, IpcCommand.COLOR_HELP,
                IpcCommand.DEBUG_HELP, IpcCommand.NS_HELP, CommandSpecs.HELP_HELP, CommandSpecs.VERSION_HELP));
        for (String name : CommandTree.NAMES) {
            texts.add(CommandTree.summary(name));
        }
        for (String text : texts) {
            BreakIterator line = BreakIterator.getLineInstance();
            line.setText(text.replace("-", "\u00ff")); // as picocli's TextTable does
            List<Integer> expected = new ArrayList<>();
            for (int at = line.next(); at != BreakIterator.DONE && at < text.length(); at = line.next()) {
                expected.add(at);
            }
            List<Integer> breaks = new ArrayList<>();
            for (int at = 1; at < text.length(); at++) {
                if (RootHelp.breaksBefore(text, at)) {
                    breaks.add(at);
                }
            }
            assertEquals(expected, breaks, text);
        }
    }

    /** The process's help (RootHelp's where it applies) is what picocli prints for a line it parses itself. */
    @Test
    void ipc_help_answers_as_picocli_does() {
        for (String columns : new String[] {"55", "77", "100", "200"}) {
            CommandResult picocli = Processes.run(SelfCommand.of("--color=never", "--help"),
                    Map.of("COLUMNS", columns), null);
            for (String help : new String[] {"--help", "-h"}) {
                CommandResult plain = Processes.run(SelfCommand.of(help), Map.of("COLUMNS", columns), null);
                assertEquals(0, plain.exitCode(), plain::toString);
                assertEquals(picocli.out(), plain.out(), help + " at " + columns);
                assertEquals("", plain.err());
            }
        }
        CommandResult auto = Processes.run(SelfCommand.of("--help"), Map.of(), null);
        assertEquals(Processes.run(SelfCommand.of("--color=never", "--help"), Map.of(), null).out(), auto.out());
    }

    /** On a terminal without COLUMNS, picocli reads its width with stty: the plain request reads it the same way. */
    @Test
    void ipc_help_on_a_terminal_is_as_wide_and_coloured_as_picoclis() {
        for (int columns : new int[] {60, 77, 150}) {
            String plain = onTerminal(columns, "--help");
            assertTrue(plain.contains("\u001b["), plain);
            assertEquals(onTerminal(columns, "--debug --help"), plain, columns + " columns"); // picocli's
        }
    }

    private static String onTerminal(int columns, String arguments) {
        StringBuilder command = new StringBuilder("stty cols " + columns + "; ");
        for (String word : SelfCommand.of()) {
            command.append('\'').append(word.replace("'", "'\\''")).append("' ");
        }
        command.append(arguments);
        return Processes.run(List.of("script", "-qec", command.toString(), "/dev/null"),
                Map.of("TERM", "xterm", "NO_COLOR", ""), null).out();
    }

    private static String rootHelp(CommandLine root, int width, CommandLine.Help.Ansi ansi) {
        root.setUsageHelpAutoWidth(false);
        root.setUsageHelpWidth(width);
        HelpLayout.install(root);
        return root.getUsageMessage(ansi);
    }

    @Test
    void the_root_and_ls_show_examples_and_exit_status() {
        for (String[] help : new String[][] {{"--help"}, {"ls", "--help"}, {"help", "ls"}}) {
            String out = Ipc.run(help).out();
            assertTrue(out.contains("\nExamples:\n  ipc ls "), () -> String.join(" ", help) + ":\n" + out);
            assertTrue(out.contains("\nExit status: 0 "), () -> String.join(" ", help) + ":\n" + out);
        }
        assertTrue(Ipc.run("--help").out().contains("\nEnvironment:\n  NO_COLOR "));
    }

    /** Every command's help, descriptions and footers included, fits the width; prose stops at 100 columns. */
    @ParameterizedTest(name = "{0} columns")
    @ValueSource(ints = {55, 60, 80, 132, 200})
    void every_commands_help_fits_the_width_and_stops_at_100_columns(int columns) {
        CommandLine root = CommandTree.full();
        root.setUsageHelpWidth(Math.min(HelpLayout.PROSE, columns));
        HelpLayout.install(root);
        List<String> tooWide = new ArrayList<>();
        for (CommandLine command : all(root, new ArrayList<>())) {
            String help = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            help.lines().filter(line -> line.length() > Math.min(columns, HelpLayout.PROSE))
                    .forEach(line -> tooWide.add(command.getCommandSpec().qualifiedName() + ": " + line));
        }
        assertEquals(List.of(), tooWide);
    }

    /** At 60 columns an example's description wraps under its own column, never back to column 0. */
    @Test
    void example_descriptions_wrap_under_their_own_column() {
        CommandLine root = CommandTree.full();
        root.setUsageHelpWidth(60);
        HelpLayout.install(root);
        String help = root.getSubcommands().get("sem").getSubcommands().get("op")
                .getUsageMessage(CommandLine.Help.Ansi.OFF);
        String examples = help.substring(help.indexOf("\nExamples:\n") + 1);
        assertTrue(examples.contains("\n  ipc sem op --id 3 --undo --hold 10s 0:-1   hold sem 0 for\n"
                + " ".repeat(45) + "10 s, then the\n" + " ".repeat(45) + "kernel undoes\n"), examples);
        for (CommandLine command : all(root, new ArrayList<>())) {
            String text = command.getUsageMessage(CommandLine.Help.Ansi.OFF);
            int at = text.indexOf("\nExamples:\n");
            if (at >= 0) {
                String block = text.substring(at + 11).split("\n\n", 2)[0];
                block.lines().forEach(line -> assertTrue(line.startsWith("  "),
                        command.getCommandSpec().qualifiedName() + ": back at column 0: " + line));
            }
        }
    }

    @Test
    void help_of_a_subcommand_is_that_commands_help() {
        CommandResult help = Ipc.run("help", "sem", "tune");
        assertEquals(0, help.exitCode(), help::toString);
        assertEquals(Ipc.run("sem", "tune", "--help").out(), help.out());
        assertTrue(help.out().startsWith("Usage: ipc sem tune "), help::toString);
    }

    private static List<CommandLine> all(CommandLine command, List<CommandLine> into) {
        if (!command.getCommandSpec().helpCommand()) {
            into.add(command);
        }
        for (CommandLine sub : command.getSubcommands().values()) {
            all(sub, into);
        }
        return into;
    }

    @Test
    void help_is_as_wide_as_columns_says() {
        for (int width : new int[] {60, 100}) {
            CommandResult help = Processes.run(SelfCommand.of("ls", "--help"), Map.of("COLUMNS",
                    String.valueOf(width)), null);
            assertEquals(0, help.exitCode(), help::toString);
            int widest = help.out().lines().mapToInt(String::length).max().orElse(0);
            assertTrue(widest <= width, "a line of " + widest + " columns in help for " + width + ":\n" + help.out());
            assertTrue(widest > width - 12, "help for " + width + " columns uses them:\n" + help.out());
        }
        CommandResult wide = Processes.run(SelfCommand.of("sem", "tune", "--help"), Map.of("COLUMNS", "200"), null);
        int widest = wide.out().lines().mapToInt(String::length).max().orElse(0);
        assertTrue(widest <= HelpLayout.PROSE && widest > 90, "at 200 columns, lines of at most 100:\n" + wide.out());
    }
}

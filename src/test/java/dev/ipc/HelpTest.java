// Help for every command and option, with examples where a person needs them, as wide as the terminal says.
package dev.ipc;

import dev.ipc.cli.SelfCommand;
import dev.ipc.support.CommandResult;
import dev.ipc.support.Ipc;
import dev.ipc.support.Processes;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

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

    @Test
    void the_root_and_ls_show_examples_and_exit_status() {
        for (String[] help : new String[][] {{"--help"}, {"ls", "--help"}, {"help", "ls"}}) {
            String out = Ipc.run(help).out();
            assertTrue(out.contains("\nExamples:\n  ipc ls "), () -> String.join(" ", help) + ":\n" + out);
            assertTrue(out.contains("\nExit status: 0 "), () -> String.join(" ", help) + ":\n" + out);
        }
        assertTrue(Ipc.run("--help").out().contains("\nEnvironment:\n  NO_COLOR "));
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
    }
}

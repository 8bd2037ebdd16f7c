// ipc help [COMMAND [SUBCOMMAND]]: the help of any command of the tree, as its --help shows it.
package dev.ipc;

import dev.ipc.cli.HelpOption;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.ArrayList;
import java.util.List;

@Command(name = "help", helpCommand = true,
        description = "Show the help of a command, as COMMAND --help does: ipc help sem tune.")
final class HelpTopicCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "A command, and a command of that group.")
    List<String> words = new ArrayList<>();

    @Override
    public void run() {
        CommandLine target = spec.root().commandLine();
        for (String word : words) {
            CommandLine next = target.getSubcommands().get(word);
            if (next == null || next.getCommandSpec().userObject() instanceof HelpTopicCommand) {
                // worded as "ipc nosuch" is: the reporter names the word and what is near it
                throw new UnmatchedArgumentException(target, List.of(word));
            }
            target = next;
        }
        target.usage(spec.commandLine().getOut());
    }
}

// ipc help [COMMAND [SUBCOMMAND]]: the help of any command of the tree, as its --help shows it.
package dev.ipc;

import dev.ipc.cli.CommandSpecs;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.util.List;

final class HelpTopicCommand implements Runnable {
    /** Its description: all that ipc --help lists of it. */
    static final String SUMMARY = "Show the help of a command, as COMMAND --help does: ipc help sem tune.";

    private final CommandSpec spec = CommandSpecs.leaf(this, "help");

    private HelpTopicCommand() {
    }

    /** The model, built in code (see {@link CommandSpecs}): ipc --help lists it, and reads no annotation. */
    static CommandSpec spec() {
        CommandSpec spec = new HelpTopicCommand().spec;
        spec.helpCommand(true);
        spec.usageMessage().sortOptions(true)
                .description(SUMMARY);
        spec.addPositional(PositionalParamSpec.builder().arity("0..*").type(List.class)
                .auxiliaryTypes(String.class).paramLabel("COMMAND")
                .description("A command, and a command of that group.").build());
        return spec;
    }

    @Override
    public void run() {
        List<String> given = spec.positionalParameters().get(0).getValue();
        List<String> words = given == null ? List.of() : given;
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
